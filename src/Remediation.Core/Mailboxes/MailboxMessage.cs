using MimeKit;

namespace Remediation.Core.Mailboxes;

/// <summary>A message as the store holds it: where it is, plus its parsed MIME.</summary>
public sealed record MailboxMessage(
    string MailboxId,
    string MessageId,
    string? InternetMessageId,
    string ParentFolderId,
    bool IsDraft,
    DateTimeOffset? ReceivedAt,
    MimeMessage Mime);
