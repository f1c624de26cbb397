namespace Remediation.Core.Mailboxes;

/// <summary>
/// A move's destination folder is not in the mailbox, though the message is: deleted since it was looked up (an
/// administrator cleaning up the quarantine folder, a user deleting the folder a copy came from), or never there. The
/// message stays where it is; the gateway forgets any folder id it kept, so the next attempt looks again.
/// </summary>
public sealed class DestinationFolderMissingException(string mailboxId, string folderId, Exception? inner = null)
    : Exception($"Folder {folderId} is not in mailbox {mailboxId} (deleted, or never there); the message stays where it is.", inner)
{
    public string FolderId { get; } = folderId;
}
