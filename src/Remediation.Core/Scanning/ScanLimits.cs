namespace Remediation.Core.Scanning;

/// <summary>
/// Bounds on what one scan may cost. A message past any of them is judged on what was read and, unless that is
/// already malicious, gets the unscannable band.
/// </summary>
public sealed class ScanLimits
{
    /// <summary>Bytes of MIME read; the rest of a larger message is never loaded.</summary>
    public long MaxMessageBytes { get; set; } = 40L * 1024 * 1024;

    /// <summary>Multipart and attached-message nesting.</summary>
    public int MaxMimeDepth { get; set; } = 16;

    /// <summary>Header bytes kept for the rules; Exchange Online itself refuses headers above 256 KB.</summary>
    public int MaxHeaderBytes { get; set; } = 256 * 1024;

    public int MaxParts { get; set; } = 500;

    /// <summary>Characters of decoded body text (plain and HTML together).</summary>
    public int MaxBodyChars { get; set; } = 4_000_000;

    /// <summary>Bytes of HTML attachments, all of a message's together, that rules read as text; hashes and types cover all.</summary>
    public int MaxAttachmentTextBytes { get; set; } = 4_000_000;

    /// <summary>Characters of text read from attached PDFs, all of a message's together, for the wording rules.</summary>
    public int MaxDocumentTextChars { get; set; } = 100_000;

    /// <summary>Images of one message searched for a QR code; decoding is the costliest thing a scan does.</summary>
    public int MaxQrImages { get; set; } = 4;

    /// <summary>
    /// Image files of one message, beyond those <see cref="MaxQrImages"/> decodes, searched for a QR code at a glance:
    /// sampled down to a quarter of a megapixel, at a small part of a decode's cost.
    /// </summary>
    public int MaxQrGlances { get; set; } = 8;

    /// <summary>Pixels of an image held to look for a QR code: a larger image is sampled down to them as it is decoded.</summary>
    public int MaxQrImagePixels { get; set; } = 4_000_000;

    /// <summary>
    /// Largest image, in pixels, decoded to look for a QR code, and most bytes of a PNG's image data inflated: they bound
    /// the time decoding takes, and a bomb is refused by its header. A code sent at thousands of pixels across still
    /// scans on a phone, so the bound is far above that.
    /// </summary>
    public long MaxQrImageSourcePixels { get; set; } = 64_000_000;

    public int MaxArchiveEntries { get; set; } = 2_000;

    /// <summary>What an archive's entries claim to unpack to, all nesting levels together.</summary>
    public long MaxArchiveUncompressedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Uncompressed to compressed size of one entry; small entries are exempt (see <see cref="CompressionRatioFloorBytes"/>).</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    public long CompressionRatioFloorBytes { get; set; } = 1024 * 1024;

    /// <summary>Archives inside archives that are opened.</summary>
    public int MaxArchiveDepth { get; set; } = 2;

    /// <summary>Largest nested archive unpacked into memory to be opened.</summary>
    public long MaxNestedArchiveBytes { get; set; } = 16L * 1024 * 1024;
}
