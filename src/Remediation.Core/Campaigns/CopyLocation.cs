namespace Remediation.Core.Campaigns;

/// <summary>A scanned message as the fingerprint index knows it.</summary>
public sealed record CopyLocation(string MailboxId, string MessageId, string? InternetMessageId);
