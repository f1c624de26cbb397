namespace Remediation.Core.Campaigns;

/// <summary>A scanned message as the message index knows it.</summary>
/// <param name="IsOwnCopy">Its user's own copy (in Drafts, the Outbox or Sent Items): never moved.</param>
public sealed record CopyLocation(string MailboxId, string MessageId, string? InternetMessageId, bool IsOwnCopy = false);
