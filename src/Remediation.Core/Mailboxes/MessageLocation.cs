namespace Remediation.Core.Mailboxes;

/// <summary>Where one copy of a message sits in a mailbox.</summary>
public sealed record MessageLocation(string MailboxId, string MessageId, string ParentFolderId);
