namespace Remediation.Core.Mailboxes;

/// <summary>Where one copy of a message sits in a mailbox.</summary>
public sealed record MessageLocation(string MailboxId, string MessageId, string ParentFolderId)
{
    /// <summary>What the copy shows, when the store returned it with the location (a search does).</summary>
    public ShownContent? Shown { get; init; }
}
