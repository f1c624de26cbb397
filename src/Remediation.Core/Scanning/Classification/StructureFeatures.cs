using MimeKit;

namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// The message's build: its MIME parts with their types, character sets and transfer encodings, HTML without a plain
/// alternative, the HTML tags and attributes used, the attachments' extensions, and a very short text.
/// </summary>
internal static class StructureFeatures
{
    private const int MaxParts = 32;
    private const int ShortText = 200;

    public static void Add(ScannedMessage message, FeatureVector vector)
    {
        var type = message.Mime.Body?.ContentType;
        if (type is not null) Words.Add($"{type.MimeType} {type.Charset}", 't', pairs: false, vector);
        var hasPlain = false;
        foreach (var part in message.Mime.BodyParts.Take(MaxParts))
        {
            vector.Add('#', "part:" + part.ContentType.MimeType.ToLowerInvariant());
            if (part.ContentType.Charset is { } charset) vector.Add('#', "charset:" + charset.ToLowerInvariant());
            if (part is TextPart text)
            {
                hasPlain |= text.IsPlain;
                vector.Add('#', (text.IsHtml ? "html-encoding:" : "text-encoding:") + text.ContentTransferEncoding);
            }
        }
        if (message.HasHtmlBody) vector.Add('#', hasPlain ? "html" : "html-only");
        if (message.Text.Length < ShortText) vector.Add('#', "short");
        foreach (var attachment in message.Attachments) vector.Add('#', "attachment:" + attachment.Extension);
        foreach (var markup in message.HtmlMarkup) vector.Add('#', "<" + markup);
    }
}
