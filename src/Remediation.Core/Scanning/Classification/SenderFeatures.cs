using MimeKit;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// What the sender's software wrote into the header: who it claims to be, the forms of its Message-ID and Date, the
/// headers it adds, and how its addresses agree with each other. Bulk-mailing tools keep these habits from one
/// campaign to the next, while the words change. Headers that servers and mailing lists add on the way
/// (<c>Received</c> aside, see <see cref="RelayFeatures"/>) are left out: in the corpus they describe its collection
/// path more than spam.
/// </summary>
internal static class SenderFeatures
{
    private static readonly string[] SenderWrittenHeaders =
    [
        "X-Priority", "X-MSMail-Priority", "X-MimeOLE", "Importance", "Reply-To", "Cc", "In-Reply-To", "References", "Organization",
        "User-Agent", "MIME-Version", "Content-Transfer-Encoding", "Content-Disposition", "X-Originating-IP",
        "Disposition-Notification-To", "Content-Class", "Thread-Index", "X-Accept-Language", "X-Sender", "Sender",
    ];

    public static void Add(ScannedMessage message, FeatureVector vector)
    {
        var mime = message.Mime;
        var from = mime.From.Mailboxes.FirstOrDefault();
        if (from is null) vector.Add('x', "from-none");
        else AddFrom(mime, from, !message.Provenance.OutsideTransport, vector);
        Words.Add(mime.Headers["X-Mailer"] ?? mime.Headers["User-Agent"] ?? "none", 'm', pairs: false, vector);
        foreach (var header in SenderWrittenHeaders)
        {
            if (mime.Headers.Contains(header)) vector.Add('x', header);
        }
        AddMessageId(mime, from, vector);
        vector.Add('x', mime.Headers["Date"] is { } date ? "date:" + TokenShape.Of(date.Trim(), 40) : "date-none");
        AddRecipients(mime, from, vector);
    }

    private static void AddFrom(MimeMessage mime, MailboxAddress from, bool envelopeSenderCounts, FeatureVector vector)
    {
        var name = from.Name ?? "";
        var local = from.LocalPart ?? "";
        var domain = from.Domain ?? "";
        var registrable = RegistrableDomain.Of(domain);
        Words.Add(name, 'n', pairs: false, vector);
        Words.Add(domain, 'd', pairs: false, vector);
        // Generated sender addresses: random letters with digits, a form kept while the names change.
        vector.Add('x', "from-local:" + TokenShape.Of(local, 8));
        vector.Add('x', "from-local-length:" + TokenShape.Magnitude(local.Length));
        if (local.Any(char.IsDigit)) vector.Add('x', "from-local-digits");
        vector.Add('x', "from-tld:" + domain[(domain.LastIndexOf('.') + 1)..].ToLowerInvariant());
        if (FreemailDomains.Contains(domain)) vector.Add('x', "from-freemail");
        if (name.Length == 0) vector.Add('x', "from-name-none");
        else
        {
            if (name.Contains('@', StringComparison.Ordinal)) vector.Add('x', "from-name-address");
            if (name.Any(char.IsLetter) && name.Where(char.IsLetter).All(char.IsUpper)) vector.Add('x', "from-name-capitals");
            if (string.Equals(name, local, StringComparison.OrdinalIgnoreCase)) vector.Add('x', "from-name-local");
        }
        if (mime.ReplyTo.Mailboxes.FirstOrDefault() is { } replyTo)
        {
            vector.Add('x', RegistrableDomain.Of(replyTo.Domain) == registrable ? "reply-to-same" : "reply-to-other");
        }
        // The envelope sender: mailing lists and bulk services bounce to their own domain, forged senders rarely do. Read
        // only where transport may have written it: pasted above a phish placed in the store, a list's Return-Path would
        // make the phish read as the list's mail.
        if (envelopeSenderCounts && mime.Headers["Return-Path"] is { } returnPath && returnPath.LastIndexOf('@') is var at and >= 0)
        {
            vector.Add('x', RegistrableDomain.Of(returnPath[(at + 1)..].Trim(' ', '>')) == registrable ? "return-path-same" : "return-path-other");
        }
    }

    private static void AddMessageId(MimeMessage mime, MailboxAddress? from, FeatureVector vector)
    {
        if (mime.Headers["Message-ID"] is not { } raw)
        {
            vector.Add('x', "message-id-none");
            return;
        }
        var id = raw.Trim();
        var at = id.LastIndexOf('@');
        vector.Add('x', "message-id:" + TokenShape.Of(at > 0 ? id[..at] : id, 10));
        if (at > 0 && !id.AsSpan(at).Contains('.')) vector.Add('x', "message-id-host-bare");
        // Mail software names its Message-ID after the sender's own domain; bulk tools and relays often do not.
        var idDomain = mime.MessageId is { } parsed && parsed.LastIndexOf('@') is var parsedAt and >= 0 ? parsed[(parsedAt + 1)..] : "";
        var sameDomain = from is not null && idDomain.Length > 0 && RegistrableDomain.Of(idDomain) == RegistrableDomain.Of(from.Domain);
        vector.Add('x', sameDomain ? "message-id-sender" : idDomain.Length > 0 ? "message-id-other" : "message-id-unparsed");
    }

    private static void AddRecipients(MimeMessage mime, MailboxAddress? from, FeatureVector vector)
    {
        var to = mime.To.Mailboxes.ToList();
        vector.Add('x', to.Count == 0 ? "to-none" : to.Count > 5 ? "to-many" : "to-some");
        if (mime.Headers["To"] is { } raw && raw.Contains("undisclosed", StringComparison.OrdinalIgnoreCase)) vector.Add('x', "to-undisclosed");
        if (from is not null && to.Any(t => string.Equals(t.Address, from.Address, StringComparison.OrdinalIgnoreCase))) vector.Add('x', "to-sender");
        if (to.Count > 0 && to.All(t => string.IsNullOrEmpty(t.Name))) vector.Add('x', "to-without-names");
    }
}
