using System.IO.Compression;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// The pictures an Office or OpenDocument file holds (<c>word/media/</c>, <c>xl/media/</c>, <c>ppt/media/</c>,
/// <c>Pictures/</c>), where a lure document puts the QR code its reader is told to scan. Only pictures small enough to
/// be one are unpacked, and no more than a few, whatever the archive declares.
/// </summary>
internal static class DocumentImages
{
    private const int MaxPictures = 8;
    private const int MaxPictureBytes = 4 * 1024 * 1024;

    private static readonly string[] Folders = ["word/media/", "xl/media/", "ppt/media/", "Pictures/"];

    /// <summary>The first few pictures of these attachments' documents, each with its path in the archive as its name.</summary>
    public static IEnumerable<(string Name, byte[] Content)> In(IEnumerable<ScannedAttachment> attachments) =>
        attachments.SelectMany(Pictures).Take(MaxPictures);

    private static IEnumerable<(string Name, byte[] Content)> Pictures(ScannedAttachment document)
    {
        if (document.Archive is not { IsReadable: true, LimitExceeded: null } listing) return [];
        var wanted = listing.Entries
            .Where(entry => !entry.IsEncrypted && entry.Length <= MaxPictureBytes && IsPicture(entry.Path))
            .Select(entry => entry.Path).Take(MaxPictures).ToHashSet(StringComparer.Ordinal);
        return wanted.Count == 0 ? [] : Unpacked(document.Content, wanted);
    }

    private static bool IsPicture(string path) =>
        Folders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal))
        && Path.GetExtension(path).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".gif" or ".bmp" or ".webp";

    private static List<(string Name, byte[] Content)> Unpacked(ReadOnlyMemory<byte> archive, HashSet<string> wanted)
    {
        var pictures = new List<(string, byte[])>();
        try
        {
            using var zip = new ZipArchive(ArchiveInspector.ReadOnlyStream(archive), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                if (!wanted.Contains(entry.FullName)) continue;
                using var stream = entry.Open();
                // Declared sizes can lie: one byte more than declared is read, and a picture that has it is left out.
                var content = new byte[entry.Length + 1];
                var read = stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
                if (read <= entry.Length) pictures.Add((entry.FullName, content[..read]));
            }
        }
        catch (Exception error) when (error is InvalidDataException or NotSupportedException or IOException)
        {
            // A broken archive keeps the pictures read before the fault.
        }
        return pictures;
    }
}
