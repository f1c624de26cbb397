using Remediation.Core.Scanning.Provenance;

namespace Remediation.Core.Scanning;

/// <param name="Category">The threat the evidence names; <see cref="ThreatCategory.Clean"/> when the band is clean.</param>
/// <param name="Score">The sum of the hits' weights.</param>
/// <param name="Band">What the pipeline should do; the tenant's policy maps category and band to an action.</param>
/// <param name="Hits">Every rule that fired, with its weight and reason.</param>
/// <param name="Fingerprint">What copies of the same campaign share, for campaign memory and the SOC's allowlist.</param>
/// <param name="Unscannable">Which resource limit the message exceeded, or null when it was scanned in full.</param>
public sealed record Verdict(
    ThreatCategory Category,
    double Score,
    VerdictBand Band,
    IReadOnlyList<RuleHit> Hits,
    MessageFingerprint Fingerprint,
    UnscannableReason? Unscannable = null)
{
    public bool IsMalicious => Band == VerdictBand.Malicious;

    /// <summary>
    /// The key campaign memory and the copy sweep use for this message (its fingerprint and subject), or null when it carries
    /// too little to stand for a campaign: too little content, or malice that rests on what surrounds the content.
    /// </summary>
    public string? CampaignKey { get; init; }

    /// <summary>
    /// Malicious only with the points for how this copy came into its mailbox (<see cref="ArrivalEvidence"/>): the
    /// verdict speaks for this copy, not for other copies of its content, which may have come another way.
    /// </summary>
    public bool CopyBound { get; init; }

    /// <summary>
    /// Whether the verdict holds for a copy of the same content however that copy arrived: malicious without the
    /// points for how this copy arrived, or short of malicious by more than those points could ever add.
    /// </summary>
    public bool HoldsForEveryArrival { get; init; }

    /// <summary>Whether the message passed this tenant's transport, judged from its stamps.</summary>
    public TransportProvenance Provenance { get; init; } = new(TransportPath.Unknown, "not judged");

    public IReadOnlyList<string> RuleNames => [.. Hits.Select(h => h.Rule)];
}
