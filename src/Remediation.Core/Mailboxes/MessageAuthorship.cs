using System.Text.RegularExpressions;
using MimeKit;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Mailboxes;

/// <summary>
/// Where a message sits and who wrote it, as the store says: Graph gives only an opaque folder id, so the
/// well-known folders are looked up per mailbox (the gateway caches them).
/// </summary>
public sealed partial class MessageAuthorship(IMailboxGateway mailboxes)
{
    /// <summary>Where a user's own mail lives while written, sent and kept: none of it passed inbound transport.</summary>
    public static IReadOnlyList<string> OwnFolders { get; } = [WellKnownFolders.Drafts, WellKnownFolders.Outbox, WellKnownFolders.SentItems];

    /// <summary>The folder's well-known name when it is one of <paramref name="names"/>, else null.</summary>
    public async Task<string?> FolderNameAsync(MailboxMessage message, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            if (message.ParentFolderId == await mailboxes.GetFolderIdAsync(message.MailboxId, name, cancellationToken)) return name;
        }
        return null;
    }

    /// <summary>
    /// The mailbox's user wrote it: it sits in Drafts, the Outbox or Sent Items, or its From is one of the user's
    /// addresses outside the Inbox (a mail app that keeps sent mail in a folder of its own, as Apple Mail's "Sent
    /// Messages"). Such mail says nothing about who else holds the user's password. The From is anyone's to write: in
    /// the Inbox, where no client files its user's sent mail, it is the appender's disguise.
    /// </summary>
    public async Task<bool> IsOwnAsync(MailboxMessage message, CancellationToken cancellationToken)
    {
        if (await FolderNameAsync(message, OwnFolders, cancellationToken) is not null) return true;
        var owner = await mailboxes.GetMailboxAddressesAsync(message.MailboxId, cancellationToken);
        return message.Mime.From.Mailboxes.Any(from => owner.Contains(from.Address.ToLowerInvariant()))
            && await FolderNameAsync(message, [WellKnownFolders.Inbox], cancellationToken) is null;
    }

    /// <summary>
    /// A forward: the subject's forward prefix in a mail client's language, or the original attached whole. Users
    /// forward phish to warn colleagues and to report it to the SOC.
    /// </summary>
    public static bool IsForward(MimeMessage message) =>
        ForwardPrefix().IsMatch(message.Subject ?? "") || message.BodyParts.OfType<MessagePart>().Any();

    /// <summary>
    /// A reply: it names the message it answers, or carries a reply prefix. Replies quote what they answer, so a user
    /// answering a lure ("do not click this") passes its links on without writing them.
    /// </summary>
    public static bool IsReply(MimeMessage message) =>
        !string.IsNullOrEmpty(message.InReplyTo) || message.References.Count > 0 || ReplyPrefix().IsMatch(message.Subject ?? "")
        || InConversation(message);

    /// <summary>
    /// A warning: the user wrote a new message to colleagues calling the lure what it is ("phishing", "do not click"),
    /// quoting its link. Anyone may write those words, so they only ever spare an account, never condemn one.
    /// </summary>
    public static bool IsWarning(MimeMessage message) =>
        WarningWords().IsMatch(message.Subject ?? "") || WarningWords().IsMatch(message.TextBody ?? message.HtmlBody ?? "");

    // English, German, Portuguese, Spanish, French, Dutch and Italian, with and without accents.
    [GeneratedRegex(@"\b(phishing|phish|scam|hameçonnage|hameconnage|arnaque|golpe|estafa|oplichting|truffa)\b|\b(do\s+not|don't|don’t|never)\s+click\b|\bnicht\s+(an)?klicken\b|\bn[aã]o\s+clique\b|\bno\s+(haga|hagas|hagan)\s+clic\b|\bne\s+cliquez\s+pas\b|\bklik\s+niet\b|\bnon\s+cliccare\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex WarningWords();

    // Outlook's conversation index: 22 bytes for a new conversation, 5 more for each reply or forward in it
    // (MS-OXOMSG PidTagConversationIndex), whatever the client's language; an inline forward's headers name no message.
    private const int ConversationRootBytes = 22;

    private static bool InConversation(MimeMessage message)
    {
        var index = message.Headers["Thread-Index"];
        if (string.IsNullOrWhiteSpace(index)) return false;
        var bytes = new byte[index.Length];
        return Convert.TryFromBase64String(index.Trim(), bytes, out var length) && length > ConversationRootBytes;
    }

    // English, German, Nordic, Dutch, Polish, Italian, Turkish, Greek, Chinese, Korean and Hungarian clients' prefixes.
    [GeneratedRegex(@"^\s*(?:re|aw|sv|antw|odp|vs|r|ynt|απ|回复|回覆|答复|회신|vá)\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();

    // English, German, French, Spanish/Portuguese/Italian, Dutch, Nordic, Polish, Czech, Swedish, Turkish, Greek,
    // Chinese, Japanese, Korean and Hungarian clients' prefixes.
    [GeneratedRegex(@"^\s*(?:(?:re|aw|sv|antw)\s*[:：]\s*)*(?:fwd?|wg|tr|rv|enc|i|vs|vl|vb|doorst|pd|př|ilt|İlt|πρθ|转发|轉寄|转寄|轉送|転送|전달|továbbítás)\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardPrefix();
}
