using System.Security.Cryptography;
using System.Text;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>An attachment decoded once, with what its content shows it to be.</summary>
public sealed class ScannedAttachment
{
    private readonly int _maxTextBytes;
    private string? _sha256;
    private string? _text;
    private IReadOnlyList<string>? _links;
    private byte[]? _opened;
    private bool? _isLockedPdf;

    internal ScannedAttachment(string fileName, string contentType, ReadOnlyMemory<byte> content, ArchiveInspector archives, int maxTextBytes)
    {
        _maxTextBytes = maxTextBytes;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Kind = FileSignature.Detect(content.Span);
        IsEicar = FileSignature.IsEicar(content.Span);
        if (Kind == FileKind.Zip) Archive = archives.Inspect(content);
    }

    /// <summary>The name the sender gave it; empty when it has none.</summary>
    public string FileName { get; }

    public string ContentType { get; }

    public ReadOnlyMemory<byte> Content { get; }

    public FileKind Kind { get; }

    public bool IsEicar { get; }

    /// <summary>The entries of a ZIP archive (Office Open XML documents included), or null for other content.</summary>
    public ArchiveListing? Archive { get; }

    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(SHA256.HashData(Content.Span));

    /// <summary>The name's extension without the dot, lower case; empty when it has none.</summary>
    public string Extension => ExtensionOf(FileName);

    public bool IsHtml =>
        Kind == FileKind.Html || Extension is "htm" or "html" or "shtml" or "xhtml" or "svg" || ContentType is "text/html" or "image/svg+xml";

    /// <summary>An SVG picture, whose shapes can draw a QR code.</summary>
    public bool IsSvg => Extension is "svg" || ContentType is "image/svg+xml";

    /// <summary>An iCalendar invitation: its text can carry links, as HTML's can.</summary>
    public bool IsCalendar => Extension is "ics" || ContentType is "text/calendar";

    /// <summary>
    /// The links the attachment holds: the URLs in an HTML, SVG or calendar attachment's text, and the link targets of
    /// a PDF (of any scheme; the message keeps the web links), a locked one's once <see cref="Unlock"/> opened it. Lures put them there because link scanners read only the body.
    /// </summary>
    public IReadOnlyList<string> Links => _links ??=
        IsHtml || IsCalendar ? [.. HttpUrls.In(Text)]
        : Kind == FileKind.Pdf ? PdfLinks.In(Content.Span, _maxTextBytes)
        : [];

    /// <summary>A PDF with an encryption dictionary: read once for the opening and the rule that weighs the lock.</summary>
    public bool IsLockedPdf => _isLockedPdf ??= Kind == FileKind.Pdf && PdfDecryption.IsEncrypted(Content.Span);

    /// <summary>A PDF as a reader sees it: opened when <see cref="Unlock"/> found its password, else as it came.</summary>
    internal ReadOnlyMemory<byte> PdfContent => _opened ?? Content;

    /// <summary>
    /// The password that opened this locked PDF (empty for one locked only against printing or copying), or null when
    /// none did or it is no locked PDF.
    /// </summary>
    public string? OpenedWith { get; private set; }

    /// <summary>Opens a locked PDF with the first of <paramref name="passwords"/> that fits, so that <see cref="Links"/> reads inside it.</summary>
    internal void Unlock(IEnumerable<string> passwords)
    {
        if (!IsLockedPdf || PdfDecryption.Open(Content, passwords) is not { } opened) return;
        OpenedWith = opened.Password;
        _opened = opened.Opened;
        _links = PdfLinks.In(opened.Opened, _maxTextBytes);
    }

    /// <summary>
    /// The content as text, for markup and scripts: decoded once for every rule that reads it, and only as far as the
    /// message's <see cref="ScanLimits.MaxAttachmentTextBytes"/> still allowed.
    /// </summary>
    public string Text => _text ??= Encoding.UTF8.GetString(Content.Span[..Math.Min(Content.Length, _maxTextBytes)]);

    /// <summary>Whether <see cref="Text"/> leaves the end of the content out.</summary>
    public bool IsTextCut => Content.Length > _maxTextBytes;

    internal static string ExtensionOf(string name)
    {
        var trimmed = name.TrimEnd(' ', '.');
        var dot = trimmed.LastIndexOf('.');
        // Stryker disable once Arithmetic : trailing dots are trimmed, so the last dot is never the last character and the comparison never holds either way.
        var last = trimmed.Length - 1;
        return dot < 0 || dot == last ? "" : trimmed[(dot + 1)..].ToLowerInvariant();
    }
}
