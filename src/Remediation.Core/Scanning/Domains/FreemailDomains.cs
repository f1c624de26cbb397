using MimeKit;

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

    /// <summary>True when there are mailboxes and every one is at free mail: a personal mailbox, not an organisation's.</summary>
    public static bool ContainsEvery(IReadOnlyCollection<MailboxAddress> mailboxes) => mailboxes.Count > 0 && mailboxes.All(m => Contains(m.Domain));

    /// <summary>
    /// The free mailbox that collects the replies to an organisation's address: the Reply-To of a message sent from a
    /// domain of its own, at free mail and at another domain. Null when replies go where the mail came from.
    /// </summary>
    public static MailboxAddress? CollectingReplies(MimeMessage message) =>
        message.From.Mailboxes.FirstOrDefault() is { } from && message.ReplyTo.Mailboxes.FirstOrDefault() is { } replyTo && CollectsRepliesFor(from, replyTo)
            ? replyTo : null;

    /// <summary>True when <paramref name="replyTo"/> is a free mailbox at another domain than the organisation's <paramref name="from"/>.</summary>
    public static bool CollectsRepliesFor(MailboxAddress from, MailboxAddress replyTo) =>
        !string.IsNullOrEmpty(from.Domain) && !string.IsNullOrEmpty(replyTo.Domain)
        && RegistrableDomain.Of(from.Domain) != RegistrableDomain.Of(replyTo.Domain) && Contains(replyTo.Domain) && !Contains(from.Domain);
}
