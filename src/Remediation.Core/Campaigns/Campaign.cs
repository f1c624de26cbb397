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
    /// <summary>The campaign speaking with this seed's verdict (its category, score and rules); its first notice stays.</summary>
    public Campaign SeededBy(Queues.MaliciousMessage seed) => this with { Category = seed.Category, Score = seed.Score, Rules = seed.Rules, Seed = seed };
}
