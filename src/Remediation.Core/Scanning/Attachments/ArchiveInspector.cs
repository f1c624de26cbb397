using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// Lists a ZIP archive's entries and the kind of each, without ever unpacking more than an entry's first bytes
/// (or a small nested archive): entry count, declared sizes and compression ratios are checked before reading.
/// </summary>
internal sealed class ArchiveInspector(ScanLimits limits)
{
    // Enough for every signature but a disk image's, which sits 32 KB in; images inside archives are known by name.
    private const int EntryPrefixLength = 4096;

    public ArchiveListing Inspect(ReadOnlyMemory<byte> archive)
    {
        var entries = new List<ArchiveEntry>();
        var budget = new Budget(limits.MaxArchiveEntries, limits.MaxArchiveUncompressedBytes);
        try
        {
            var exceeded = Inspect(archive, "", 1, entries, budget);
            return new ArchiveListing(entries, exceeded, IsReadable: true);
        }
        catch (Exception error) when (error is InvalidDataException or NotSupportedException or IOException)
        {
            return new ArchiveListing(entries, null, IsReadable: false);
        }
    }

    private string? Inspect(ReadOnlyMemory<byte> archive, string prefix, int depth, List<ArchiveEntry> entries, Budget budget)
    {
        using var zip = new ZipArchive(ReadOnlyStream(archive), ZipArchiveMode.Read);
        var prefixBuffer = new byte[EntryPrefixLength];
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/')) continue;
            if (--budget.Entries < 0) return $"an archive holds more than {limits.MaxArchiveEntries} entries";
            budget.UncompressedBytes -= entry.Length;
            if (budget.UncompressedBytes < 0) return $"an archive unpacks to more than {limits.MaxArchiveUncompressedBytes / (1024 * 1024)} MB";
            if (entry.Length > limits.CompressionRatioFloorBytes && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                return $"archive entry {prefix}{entry.FullName} is compressed more than {limits.MaxCompressionRatio}:1";
            }

            var path = prefix + entry.FullName;
            if (entry.IsEncrypted)
            {
                entries.Add(new ArchiveEntry(path, entry.Length, true, FileKind.Unknown, false));
                continue;
            }
            var read = ReadPrefix(entry, prefixBuffer);
            var head = prefixBuffer.AsSpan(0, read);
            var kind = FileSignature.Detect(head);
            entries.Add(new ArchiveEntry(path, entry.Length, false, kind, FileSignature.IsEicar(head)));

            if (kind == FileKind.Zip && depth < limits.MaxArchiveDepth && entry.Length <= limits.MaxNestedArchiveBytes)
            {
                var nested = ReadAtMost(entry, limits.MaxNestedArchiveBytes);
                if (nested is null) return $"nested archive {path} unpacks to more than it declares";
                var exceeded = Inspect(nested.Value, path + "/", depth + 1, entries, budget);
                if (exceeded is not null) return exceeded;
            }
        }
        return null;
    }

    private static int ReadPrefix(ZipArchiveEntry entry, byte[] buffer)
    {
        using var stream = entry.Open();
        return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
    }

    // Declared sizes can lie: never read more than the limit, whatever the entry claims.
    private static ReadOnlyMemory<byte>? ReadAtMost(ZipArchiveEntry entry, long limit)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > limit) return null;
            copy.Write(buffer, 0, read);
        }
        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }

    // Stryker disable once Boolean,Conditional : attachments are always array-backed, and both streams read the same bytes; wrapping the array only spares a copy.
    public static MemoryStream ReadOnlyStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private sealed class Budget(int entries, long uncompressedBytes)
    {
        public int Entries { get; set; } = entries;

        public long UncompressedBytes { get; set; } = uncompressedBytes;
    }
}
