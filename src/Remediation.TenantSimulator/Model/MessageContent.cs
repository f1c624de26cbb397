using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Remediation.TenantSimulator.Model;

internal sealed record Recipient(string Name, string Address);

internal sealed record MessageHeader(string Name, string Value);

/// <summary>
/// What Graph shows of a message, read once from its MIME so that concurrent requests never share a parser.
/// </summary>
internal sealed partial record MessageContent(
    string InternetMessageId,
    string Subject,
    Recipient? From,
    Recipient? Sender,
    IReadOnlyList<Recipient> ReplyTo,
    IReadOnlyList<Recipient> To,
    IReadOnlyList<Recipient> Cc,
    IReadOnlyList<Recipient> Bcc,
    DateTimeOffset? SentDateTime,
    bool HasAttachments,
    string? HtmlBody,
    string TextBody,
    string BodyPreview,
    IReadOnlyList<MessageHeader> Headers,
    string ItemClass)
{
    private const int BodyPreviewLength = 255;

    public static MessageContent FromMime(string mime)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(mime));
        return Read(MimeMessage.Load(stream));
    }

    public static MessageContent Read(MimeMessage message)
    {
        var htmlBody = message.HtmlBody;
        var textBody = message.TextBody ?? (htmlBody is null ? string.Empty : HtmlToText(htmlBody));
        var from = message.From.Mailboxes.Select(ToRecipient).FirstOrDefault();
        return new MessageContent(
            InternetMessageId: message.MessageId is null ? string.Empty : $"<{message.MessageId}>",
            Subject: message.Subject ?? string.Empty,
            From: from,
            Sender: message.Sender is null ? from : ToRecipient(message.Sender),
            ReplyTo: Recipients(message.ReplyTo),
            To: Recipients(message.To),
            Cc: Recipients(message.Cc),
            Bcc: Recipients(message.Bcc),
            SentDateTime: message.Headers.Contains(HeaderId.Date) ? message.Date : null,
            HasAttachments: message.Attachments.Any(),
            HtmlBody: htmlBody,
            TextBody: textBody,
            BodyPreview: Preview(textBody),
            Headers: [.. message.Headers.Select(h => new MessageHeader(h.Field, h.Value.Trim()))],
            ItemClass: ItemClasses.Of(message));
    }

    private static List<Recipient> Recipients(InternetAddressList list) => [.. list.Mailboxes.Select(ToRecipient)];

    private static Recipient ToRecipient(MailboxAddress mailbox) =>
        new(string.IsNullOrEmpty(mailbox.Name) ? mailbox.Address : mailbox.Name, mailbox.Address);

    private static string Preview(string text)
    {
        var collapsed = Whitespace().Replace(text, " ").Trim();
        return collapsed.Length <= BodyPreviewLength ? collapsed : collapsed[..BodyPreviewLength];
    }

    private static string HtmlToText(string html) =>
        System.Net.WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
