using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Remediation.Core.Tests.Scanning.Attachments;

/// <summary>Small ZIP archives built in memory, and the header fields a hostile archive lies in.</summary>
internal static class ZipBuilder
{
    public static byte[] Zip(params (string Name, byte[] Content)[] entries) => Zip(CompressionLevel.Optimal, entries);

    public static byte[] Zip(CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }

    public static byte[] Text(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>Sets the "encrypted" flag of every entry, in the local headers and the central directory.</summary>
    public static byte[] MarkEncrypted(byte[] zip)
    {
        var patched = (byte[])zip.Clone();
        foreach (var at in Offsets(patched, [0x50, 0x4B, 0x03, 0x04])) patched[at + 6] |= 1;
        foreach (var at in Offsets(patched, [0x50, 0x4B, 0x01, 0x02])) patched[at + 8] |= 1;
        return patched;
    }

    /// <summary>Makes every entry declare this uncompressed size, whatever it unpacks to.</summary>
    public static byte[] DeclareLength(byte[] zip, uint length)
    {
        var patched = (byte[])zip.Clone();
        foreach (var at in Offsets(patched, [0x50, 0x4B, 0x03, 0x04])) BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(at + 22), length);
        foreach (var at in Offsets(patched, [0x50, 0x4B, 0x01, 0x02])) BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(at + 24), length);
        return patched;
    }

    private static List<int> Offsets(byte[] zip, byte[] signature)
    {
        var offsets = new List<int>();
        for (var at = zip.AsSpan().IndexOf(signature); at >= 0;)
        {
            offsets.Add(at);
            var next = zip.AsSpan(at + 1).IndexOf(signature);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return offsets;
    }
}
