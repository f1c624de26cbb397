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
    public static IReadOnlySet<string> Rules { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        TransportBypassRule.Name, NoReceivedHopsRule.Name, ForgedTransportStampRule.Name, DraftOutsideDraftsRule.Name,
    };

    /// <summary>The most points these rules could give one copy: every one of them firing at once.</summary>
    public const double MostPoints = TransportBypassRule.Weight + NoReceivedHopsRule.Weight + ForgedTransportStampRule.Weight + DraftOutsideDraftsRule.Weight;

    public static double WeightOf(IEnumerable<RuleHit> hits) => hits.Where(h => Rules.Contains(h.Rule)).Sum(h => h.Weight);
}
