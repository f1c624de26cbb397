using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Remediation.Core.Scanning.Attachments;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Lures;
using Remediation.Core.Scanning.Provenance;
using Remediation.Core.Scanning.Structure;

namespace Remediation.Core.Scanning;

/// <summary>A message with what rules need, extracted once and within the scan limits.</summary>
public sealed class ScannedMessage
{
    // Attached PDFs whose text is read: each costs a parse of its objects and pages.
    private const int MaxDocumentsRead = 8;

    private string? _subjectAndText;
    private string? _foldedWording;
    private string?[]? _remoteFileUrlInText;
    private Match? _urgency;

    private ScannedMessage(ScanInput input, TransportProvenance provenance)
    {
        Input = input;
        Provenance = provenance;
    }

    public ScanInput Input { get; }

    public MimeMessage Mime => Input.Mime;

    public TransportProvenance Provenance { get; }

    public string Subject => Mime.Subject ?? "";

    /// <summary>
    /// The readable text of the body: plain parts and the text of HTML parts, with what inline styles hide from the
    /// reader at the end, as a lure hidden there is still the sender's words.
    /// </summary>
    public string Text { get; private set; } = "";

    /// <summary>The body text a reader sees: without the filler that inline styles hide to dilute a classifier.</summary>
    public string VisibleText { get; private set; } = "";

    /// <summary>The subject and the body text as one, for rules that read both.</summary>
    public string SubjectAndText => _subjectAndText ??= Subject + "\n" + Text;

    /// <summary>
    /// The text of the attached PDFs, page by page: a lure moved into an attachment ("your account is on hold", an
    /// invoice with a number to call) is read as if it were the body. Empty when there is none.
    /// </summary>
    public string DocumentText { get; private set; } = "";

    /// <summary>
    /// All the message says in words, which the wording rules match: <see cref="SubjectAndText"/>, then
    /// <see cref="DocumentText"/>, without diacritics ("Notificação" and "Notificacao" read alike), with words disguised
    /// in look-alike letters read as the Latin they show, and with a subject's words joined by underscores read apart
    /// ("Your_transaction_0.7495_BTC", which a word boundary never splits), as lures are written every way. Only the
    /// subject's: in the body, underscores belong to addresses, links and the values a rule reads whole.
    /// </summary>
    public string FoldedWording => _foldedWording ??= Fold(Subject.Replace('_', ' ') + "\n" + Text + (DocumentText.Length > 0 ? "\n" + DocumentText : ""));

    /// <summary>The pressure the text puts on the reader, read once for every lure rule that weighs it.</summary>
    internal Match Urgency => _urgency ??= LureLexicon.Urgency(FoldedWording);

    /// <summary>The first file: URL to another machine written in the text, read once for its rule and the fingerprint.</summary>
    internal string? RemoteFileUrlInText => (_remoteFileUrlInText ??= [RemoteFileUrl.FirstIn(Text)])[0];

    /// <summary>Every link in HTML bodies, with the text the reader sees.</summary>
    public IReadOnlyList<Anchor> Anchors { get; private set; } = [];

    /// <summary>The anchors that open a web page (http or https), parsed once for every rule that follows them.</summary>
    public IReadOnlyList<Uri> AnchorLinks { get; private set; } = [];

    /// <summary>Every absolute http(s) link: anchors, URLs written in the text or markup, and links inside HTML, SVG, calendar and PDF attachments.</summary>
    public IReadOnlyList<Uri> Links { get; private set; } = [];

    /// <summary>
    /// The http(s) links inside attachments (HTML, SVG, calendar and PDF), the QR codes of images and drawings and a code
    /// the body draws in block characters or table cells: where the reader goes from what no text link shows.
    /// </summary>
    public IReadOnlyList<Uri> AttachmentLinks { get; private set; } = [];

    public IReadOnlyList<ScannedAttachment> Attachments { get; private set; } = [];

    /// <summary>The alt and title text of images in HTML bodies: what a logo says when it is a picture.</summary>
    public IReadOnlyList<string> ImageText { get; private set; } = [];

    /// <summary>Where the HTML bodies' images are served from, over http or https ("//host/x.png" takes https).</summary>
    public IReadOnlyList<Uri> ImageLinks { get; private set; } = [];

    public bool HasHtmlBody { get; private set; }

    /// <summary>The HTML tags (and <c>tag@attribute</c> pairs) the HTML bodies use.</summary>
    public IReadOnlySet<string> HtmlMarkup { get; private set; } = new HashSet<string>();

    /// <summary>The style declaration that places part of an HTML body out of the reader's view ("margin-top: 380000px"), or null.</summary>
    public string? OutOfViewStyle { get; private set; }

    /// <summary>Which resource limit the message exceeded, or null.</summary>
    public UnscannableReason? LimitExceeded { get; private set; }

    public IEnumerable<MailboxAddress> Senders =>
        Mime.From.Mailboxes.Concat(Mime.Sender is null ? [] : [Mime.Sender]);

    public static ScannedMessage Read(ScanInput input, ScanLimits limits, string tenantId, IReadOnlyCollection<string>? exchangeDomains = null, bool checksSenders = true)
    {
        var message = new ScannedMessage(input, TransportProvenance.Judge(input.Mime, tenantId, input.ReceivedAt, exchangeDomains, input.HeadersCut, checksSenders))
        {
            LimitExceeded = input.LimitExceeded,
        };
        var tree = MimeTree.Walk(input.Mime, limits);
        message.LimitExceeded ??= tree.LimitExceeded;

        var text = new StringBuilder();
        var plainBodies = new List<string>();
        var hiddenText = new StringBuilder();
        var anchors = new List<Anchor>();
        var imageText = new List<string>();
        var imageSources = new List<string>();
        var markup = new List<string>();
        var htmlMarkup = new HashSet<string>(StringComparer.Ordinal);
        var attachments = new List<ScannedAttachment>();
        var archives = new ArchiveInspector(limits);
        // Rules read every HTML attachment's text: one budget for all of them bounds what each rule reads.
        var attachmentTextLeft = limits.MaxAttachmentTextBytes;
        foreach (var part in tree.Leaves)
        {
            if (part is TextPart textPart && !part.IsAttachment && part.FileName is null && (textPart.IsPlain || textPart.IsHtml))
            {
                var body = BodyText.Of(textPart, Decode);
                if (text.Length + body.Length > limits.MaxBodyChars)
                {
                    message.LimitExceeded ??= new(ScanLimit.BodyText, $"its body text is longer than {limits.MaxBodyChars} characters");
                    continue;
                }
                if (textPart.IsHtml)
                {
                    message.HasHtmlBody = true;
                    markup.Add(body);
                    message.OutOfViewStyle ??= HtmlBody.Read(body, text, hiddenText, anchors, htmlMarkup, imageText, imageSources);
                }
                else
                {
                    text.Append(body);
                    plainBodies.Add(body);
                }
                text.Append('\n');
            }
            else
            {
                var attachment = new ScannedAttachment(part.FileName ?? "", part.ContentType.MimeType.ToLowerInvariant(), Decode(part), archives, attachmentTextLeft);
                if (attachment.Archive?.LimitExceeded is { } archiveLimit) message.LimitExceeded ??= new(ScanLimit.Archive, archiveLimit);
                if (attachment.IsHtml || attachment.IsCalendar)
                {
                    if (attachment.IsTextCut) message.LimitExceeded ??= new(ScanLimit.AttachmentText, $"its HTML attachments are larger than {limits.MaxAttachmentTextBytes} bytes together");
                    attachmentTextLeft -= Math.Min(attachment.Content.Length, attachmentTextLeft);
                }
                attachments.Add(attachment);
            }
        }

        message.VisibleText = text.ToString();
        message.Text = hiddenText.Length == 0 ? message.VisibleText : message.VisibleText + "\n" + hiddenText;
        message.Anchors = anchors;
        message.AnchorLinks = WebLinks(anchors.Select(a => a.Href));
        message.ImageText = imageText;
        message.ImageLinks = WebLinks(imageSources.Select(source => source.StartsWith("//", StringComparison.Ordinal) ? "https:" + source : source));
        message.HtmlMarkup = htmlMarkup;
        message.Attachments = attachments;
        UnlockPdfs(message, attachments);
        message.DocumentText = DocumentTextOf(attachments, limits.MaxDocumentTextChars);
        // The body's own pictures, and those of HTML and SVG attachments, which a browser shows as the body's.
        var pictures = DataUriImages.In(markup.Concat(attachments.Where(a => a.IsHtml).Select(a => a.Text))).ToList();
        List<string> inAttachments =
        [
            .. CodesDrawnInBody(message.Text, plainBodies, markup, pictures, limits),
            .. LinksInAttachments([.. attachments, .. RasterPictures(pictures, archives), .. DocumentPictures(attachments, archives)], limits),
        ];
        message.Links = CollectLinks(message.Text, anchors, markup, inAttachments);
        message.AttachmentLinks = WebLinks(inAttachments);
        return message;
    }

    private static List<Uri> WebLinks(IEnumerable<string> candidates) =>
        [.. candidates.Select(candidate => WebUri.Parse(candidate.Trim())).OfType<Uri>().Distinct()];

    private static ReadOnlyMemory<byte> Decode(MimePart part)
    {
        if (part.Content is null) return ReadOnlyMemory<byte>.Empty;
        // Decoding never makes content longer, so one buffer of the encoded size holds it without growing or copying.
        var encoded = part.Content.Stream is { CanSeek: true } stream ? stream.Length : 0;
        using var decoded = new MemoryStream((int)Math.Min(encoded, Array.MaxLength));
        part.Content.DecodeTo(decoded);
        return decoded.GetBuffer().AsMemory(0, (int)decoded.Length);
    }

    // A locked PDF is opened as a reader opens it: with no password (one locked only against printing or copying) or
    // with the one the message gives. Most mail has no locked PDF and pays for no password search.
    private static void UnlockPdfs(ScannedMessage message, List<ScannedAttachment> attachments)
    {
        if (!attachments.Any(a => a.IsLockedPdf)) return;
        // The message's own words: its documents are what the password opens.
        string[] passwords = ["", .. PdfPasswords.GivenIn(Fold(message.SubjectAndText)).Select(given => given.Groups["value"].Value)];
        foreach (var attachment in attachments) attachment.Unlock(passwords);
    }

    private static string Fold(string text) => Diacritics.Remove(Homoglyphs.ToLatin(text));

    // The PDFs' text, opened ones as opened, of the first few, up to one budget for all of them.
    private static string DocumentTextOf(List<ScannedAttachment> attachments, int maxChars)
    {
        var text = new StringBuilder();
        foreach (var pdf in attachments.Where(a => a.Kind == FileKind.Pdf && (!a.IsLockedPdf || a.OpenedWith is not null)).Take(MaxDocumentsRead))
        {
            if (text.Length >= maxChars) break;
            text.Append(PdfText.Of(pdf.PdfContent.Span, maxChars - text.Length)).Append('\n');
        }
        return text.ToString();
    }

    // QR codes the body draws with no image: in block characters, read only from a body with dozens of them, as the
    // cells of a table, read only from a body with the cells a code takes, or as SVG, inline or a data: picture.
    private static IEnumerable<string> CodesDrawnInBody(
        string text, List<string> plainBodies, List<string> htmlBodies, List<(string ContentType, byte[] Content)> pictures, ScanLimits limits) =>
        (TextQrCodes.MayHoldOne(text) ? plainBodies.Concat(htmlBodies.Select(TextQrCodes.LinesOf)).SelectMany(TextQrCodes.In) : [])
            .Concat(htmlBodies.Where(TableQrCodes.MayHoldOne).SelectMany(TableQrCodes.In))
            .Concat(htmlBodies.Where(InlineSvgCodes.MayHoldOne).SelectMany(html => InlineSvgCodes.In(html, limits.MaxQrImagePixels)))
            .Concat(InlineSvgCodes.InPictures(pictures.Where(p => p.ContentType == DataUriImages.Svg).Select(p => Encoding.UTF8.GetString(p.Content)), limits.MaxQrImagePixels));

    // The raster pictures carried as data: URIs, as attachments without a name, so that their QR codes are ranked and
    // read with the attached images'; they are not the message's attachments.
    private static IEnumerable<ScannedAttachment> RasterPictures(List<(string ContentType, byte[] Content)> pictures, ArchiveInspector archives) =>
        pictures.Where(picture => picture.ContentType != DataUriImages.Svg)
            .Select(picture => new ScannedAttachment("", picture.ContentType, picture.Content, archives, maxTextBytes: 0));

    // The pictures inside attached Office and OpenDocument files, as attachments named by their paths there, so that
    // their QR codes are ranked and read with the attached images'.
    private static IEnumerable<ScannedAttachment> DocumentPictures(List<ScannedAttachment> attachments, ArchiveInspector archives) =>
        DocumentImages.In(attachments).Select(picture => new ScannedAttachment(picture.Name, "", picture.Content, archives, maxTextBytes: 0));

    // Links in attachments' text and PDF annotations, and in the QR codes of the first few images that could hold one,
    // a PDF's and the codes PDFs and SVGs draw as shapes included; of the image files, the likeliest to hold a code, and
    // at a glance the next few.
    private static List<string> LinksInAttachments(List<ScannedAttachment> attachments, ScanLimits limits)
    {
        var links = new List<string>();
        var imagesLeft = limits.MaxQrImages;
        var ranked = QrCodeLinks.MostLikelyToHoldACode(attachments.Where(QrCodeLinks.IsImage), limits);
        var imagesToRead = ranked.Take(limits.MaxQrImages).ToHashSet();
        var imagesToGlanceAt = ranked.Take(limits.MaxQrImages + limits.MaxQrGlances).ToHashSet();
        foreach (var attachment in attachments)
        {
            if (QrCodeLinks.IsImage(attachment))
            {
                if (imagesLeft > 0 && imagesToRead.Contains(attachment) && QrCodeLinks.In(attachment.Content, limits) is { } codes)
                {
                    imagesLeft--;
                    links.AddRange(codes);
                }
                else if (imagesToGlanceAt.Contains(attachment) && QrCodeLinks.Glance(attachment.Content, limits) is { } glimpsed)
                {
                    links.AddRange(glimpsed);
                }
                continue;
            }
            links.AddRange(attachment.Links);
            if (attachment.IsSvg && imagesLeft > 0 && DrawnCodes.In(SvgDrawing.Fills(attachment.Text, DrawnCodes.MaxRectangles), limits.MaxQrImagePixels) is { } drawn)
            {
                imagesLeft--;
                links.AddRange(drawn);
            }
            if (attachment.Kind == FileKind.Pdf && imagesLeft > 0) links.AddRange(PdfQrCodes.In(attachment.PdfContent, ref imagesLeft, limits));
        }
        return links;
    }

    private static List<Uri> CollectLinks(string text, List<Anchor> anchors, List<string> markup, IEnumerable<string> inAttachments)
    {
        var links = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string candidate)
        {
            if (seen.Add(candidate) && WebUri.Parse(candidate) is { } uri) links.Add(uri);
        }
        foreach (var anchor in anchors) Add(anchor.Href);
        foreach (var link in inAttachments) Add(link);
        foreach (var source in markup.Prepend(text))
        {
            foreach (var url in HttpUrls.In(source)) Add(url);
        }
        return links;
    }
}
