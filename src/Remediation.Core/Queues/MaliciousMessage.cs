using Remediation.Core.Scanning;

namespace Remediation.Core.Queues;

/// <summary>A copy the scan stage judged malicious: the seed from which the campaign stage finds every other copy.</summary>
/// <param name="CampaignId">The message's fingerprint id: copies with their own Message-IDs still share it.</param>
/// <param name="TenantRecipients">The recipients in the tenant's domains, whose mailboxes may hold copies too.</param>
/// <param name="NotifiedAt">When the pipeline first heard of this copy: the start of the time-to-remediate clock.</param>
public sealed record MaliciousMessage(
    string CampaignId,
    string MailboxId,
    string MessageId,
    string? InternetMessageId,
    ThreatCategory Category,
    double Score,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> TenantRecipients,
    DateTimeOffset NotifiedAt);
