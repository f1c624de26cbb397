namespace Remediation.Core.Mailboxes;

/// <summary>Where one copy of a message sits in a mailbox.</summary>
public sealed record MessageLocation(string MailboxId, string MessageId, string ParentFolderId)
{
    /// <summary>What the copy shows, when the store returned it with the location (a search does).</summary>
    public ShownContent? Shown { get; init; }

    /// <summary>A meeting request, which may have put an entry in the calendar (when the store said: a search does).</summary>
    public bool IsMeetingRequest { get; init; }
}
