using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Scanning;

/// <summary>
/// The rules that judge how one copy came into its mailbox (it bypassed this tenant's transport, no server handled
/// it, its stamps are forged, it is a draft outside Drafts) rather than what the message says. Another copy of the
/// same message may have come another way: transport delivered the newsletter that an attacker then appended to a
/// mailbox they hold, and a user's own Sent Items copy never passed inbound transport. A verdict that needs these
/// points to be malicious is a finding about its copy alone (<see cref="Verdict.CopyBound"/>). A new rule counts
/// here only when added.
/// </summary>
public static class ArrivalEvidence
{
    // Each rule fires at most once and always with its one weight, so a verdict's rule names say its arrival points.
    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal)
    {
        [TransportBypassRule.Name] = TransportBypassRule.Weight,
        [NoReceivedHopsRule.Name] = NoReceivedHopsRule.Weight,
        [ForgedTransportStampRule.Name] = ForgedTransportStampRule.Weight,
        [DraftOutsideDraftsRule.Name] = DraftOutsideDraftsRule.Weight,
        [AppendedSuspiciousContentRule.Name] = AppendedSuspiciousContentRule.Weight,
    };

    /// <summary>
    /// The most points these rules could give a copy with this much other evidence: a copy bypassed transport or
    /// carries forged stamps (never both, as each judges the one transport path), has no Received hop, is a draft
    /// outside Drafts and, with evidence over the suspicious band, was appended with it.
    /// </summary>
    public static double MostPoints(double evidence, double suspiciousThreshold) =>
        TransportBypassRule.Weight + NoReceivedHopsRule.Weight + DraftOutsideDraftsRule.Weight
        + (evidence > suspiciousThreshold ? AppendedSuspiciousContentRule.Weight : 0);

    public static double WeightOf(IEnumerable<RuleHit> hits) => hits.Where(h => Weights.ContainsKey(h.Rule)).Sum(h => h.Weight);

    /// <summary>The arrival points of a verdict known by its rules' names alone, as a seed keeps them.</summary>
    public static double PointsOf(IEnumerable<string> ruleNames) => ruleNames.Sum(rule => Weights.GetValueOrDefault(rule));
}
