namespace Remediation.Core.Campaigns;

/// <summary>A scanned message as the message index knows it.</summary>
/// <param name="IsSentCopy">Its sender's own copy in Sent Items: kept as evidence, never moved.</param>
public sealed record CopyLocation(string MailboxId, string MessageId, string? InternetMessageId, bool IsSentCopy = false);
