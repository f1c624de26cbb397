namespace Remediation.Core.Mailboxes;

/// <summary>
/// The user has no mailbox the app may reach: a guest or unlicensed user, one without an Exchange mailbox
/// (<c>MailboxNotEnabledForRESTAPI</c>), or a mailbox outside the app's Exchange RBAC scope (403). Nothing to keep or search.
/// </summary>
public sealed class MailboxUnavailableException(string mailboxId, string reason, Exception inner)
    : Exception($"Mailbox {mailboxId} cannot be reached: {reason}", inner)
{
    public string Reason { get; } = reason;
}
