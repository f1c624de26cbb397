namespace Remediation.Core.Compromise;

/// <summary>One malicious message that reached a mailbox without passing this tenant's transport.</summary>
public sealed record CompromiseEvidence(string MailboxId, string MessageId, string CampaignId, DateTimeOffset At);
