namespace Remediation.Core.Scanning.Domains;

/// <summary>Mail services anyone can sign up to: an address there says nothing about an organisation.</summary>
internal static class FreemailDomains
{
    private static readonly DomainList Known = new(
    [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "aol.com", "icloud.com", "me.com", "mail.com", "gmx.com", "gmx.net", "gmx.de", "web.de", "yandex.com", "yandex.ru",
        "mail.ru", "proton.me", "protonmail.com", "zoho.com", "tutanota.com", "qq.com", "163.com",
    ]);

    public static bool Contains(string domain) => Known.Match(domain) is not null;

    /// <summary>
    /// The free mailbox that collects the replies to an organisation's address: the Reply-To of a message sent from a
    /// domain of its own, at free mail and at another domain. Null when replies go where the mail came from.
    /// </summary>
    public static MimeKit.MailboxAddress? CollectingReplies(MimeKit.MimeMessage message)
    {
        var from = message.From.Mailboxes.FirstOrDefault();
        var replyTo = message.ReplyTo.Mailboxes.FirstOrDefault();
        if (from is null || replyTo is null || string.IsNullOrEmpty(from.Domain) || string.IsNullOrEmpty(replyTo.Domain)) return null;
        return RegistrableDomain.Of(from.Domain) != RegistrableDomain.Of(replyTo.Domain) && Contains(replyTo.Domain) && !Contains(from.Domain) ? replyTo : null;
    }
}
