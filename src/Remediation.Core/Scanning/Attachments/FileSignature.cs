using System.Buffers.Binary;
using System.Text;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>Recognises file types by their leading bytes.</summary>
internal static class FileSignature
{
    private static readonly byte[] EicarSignature = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    public static FileKind Detect(ReadOnlySpan<byte> content)
    {
        if (content.Length < 4) return FileKind.Unknown;
        if (content[0] == 'M' && content[1] == 'Z') return FileKind.PortableExecutable;
        if (content.StartsWith("\u007fELF"u8)) return FileKind.Elf;
        var magic = BinaryPrimitives.ReadUInt32BigEndian(content);
        if (magic is 0xFEEDFACE or 0xFEEDFACF or 0xCEFAEDFE or 0xCFFAEDFE) return FileKind.MachO;
        if (content.StartsWith("#!/"u8) || content.StartsWith("#! /"u8)) return FileKind.ShellScript;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00])) return FileKind.ShellLink;
        if (content.StartsWith("PK\u0003\u0004"u8) || content.StartsWith("PK\u0005\u0006"u8)) return FileKind.Zip;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return FileKind.CompoundDocument;
        if (content.StartsWith("%PDF"u8)) return FileKind.Pdf;
        if (content.StartsWith("Rar!"u8) || content.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) || content.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return FileKind.OtherArchive;
        }
        if (content.Length >= 0x8006 && content.Slice(0x8001, 5).SequenceEqual("CD001"u8)) return FileKind.DiskImage;
        if (LooksLikeHtml(content)) return FileKind.Html;
        // Readers open a PDF whose header is anywhere in its first kilobyte, so bytes put ahead of it hide it only from filters.
        if (content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0) return FileKind.Pdf;
        return FileKind.Unknown;
    }

    /// <summary>The anti-malware test file: its 68 characters at the start, within the first 128 bytes.</summary>
    public static bool IsEicar(ReadOnlySpan<byte> content) =>
        content.Length >= EicarSignature.Length && content[..Math.Min(content.Length, 128)].IndexOf(EicarSignature) == 0;

    private static bool LooksLikeHtml(ReadOnlySpan<byte> content)
    {
        // The byte order mark's bytes (EF BB BF) are among those trimmed.
        var start = content[..Math.Min(content.Length, 512)].TrimStart(" \t\r\n\uFEFF"u8);
        return StartsWithIgnoreCase(start, "<!doctype html"u8) || StartsWithIgnoreCase(start, "<html"u8)
            || StartsWithIgnoreCase(start, "<script"u8) || StartsWithIgnoreCase(start, "<svg"u8);
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> content, ReadOnlySpan<byte> prefix) =>
        content.Length >= prefix.Length && Ascii.EqualsIgnoreCase(content[..prefix.Length], prefix);
}
