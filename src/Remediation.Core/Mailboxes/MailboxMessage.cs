using MimeKit;
using Remediation.Core.Scanning;

namespace Remediation.Core.Mailboxes;

/// <summary>A message as the store holds it, parsed within the scan limits.</summary>
/// <param name="LimitExceeded">The limit the content exceeded while it was read and parsed, or null.</param>
/// <param name="HeadersCut">Header lines were dropped to fit the budget: what is missing can be anything, stamps included.</param>
public sealed record MailboxMessage(StoredMessage Stored, MimeMessage Mime, UnscannableReason? LimitExceeded = null, bool HeadersCut = false)
{
    // RFC 5322 caps a header line at 998 characters; a longer Message-ID is the sender's invention and would not fit
    // the stores' properties, a Graph filter or a queue message.
    private const int MaxInternetMessageIdLength = 998;

    public string MailboxId => Stored.MailboxId;

    public string MessageId => Stored.MessageId;

    public string? InternetMessageId => Stored.InternetMessageId;

    public string ParentFolderId => Stored.ParentFolderId;

    public bool IsDraft => Stored.IsDraft;

    public DateTimeOffset? ReceivedAt => Stored.ReceivedAt;

    public DateTimeOffset? CreatedAt => Stored.CreatedAt;

    public string? ItemClass => Stored.ItemClass;

    /// <inheritdoc cref="StoredMessage.IsTeamsChat"/>
    public bool IsTeamsChat => Stored.IsTeamsChat;

    /// <summary>Parses what the store returned; a chat item has no MIME and stays empty.</summary>
    public static MailboxMessage Load(StoredMessage stored, ScanLimits limits)
    {
        if (stored.IsTeamsChat) return new(stored, new MimeMessage());
        var loaded = MimeLoader.Load(stored.Content, stored.ContentCut, limits);
        return new(stored, loaded.Mime, loaded.LimitExceeded, loaded.HeadersCut);
    }

    /// <summary>The Message-ID the store reports, or null when it is too long to be a real one.</summary>
    public static string? Usable(string? internetMessageId) =>
        internetMessageId is { Length: > 0 and <= MaxInternetMessageIdLength } ? internetMessageId : null;
}
