using Remediation.Core.Scanning;

namespace Remediation.Core.Campaigns;

/// <summary>One malicious message and all its copies across the tenant, keyed by fingerprint.</summary>
/// <param name="Seed">The copy that opened the campaign, kept so an approval can resolve the campaign again.</param>
public sealed record Campaign(
    string Id,
    ThreatCategory Category,
    double Score,
    IReadOnlyList<string> Rules,
    DateTimeOffset FirstNotifiedAt,
    CampaignStatus Status,
    Queues.MaliciousMessage Seed)
{
    /// <summary>
    /// Whether the campaign's verdict holds for every copy of its content, so campaign memory may lend it to each: it
    /// acts, and its seed was malicious through its content rather than through how that one copy arrived, or the SOC
    /// approved it.
    /// </summary>
    public bool SpeaksForEveryCopy => Status == CampaignStatus.Approved || Status == CampaignStatus.Active && !Seed.CopyBound;
}
