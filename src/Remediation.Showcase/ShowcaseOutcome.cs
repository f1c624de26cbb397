using Remediation.Core.Audit;

namespace Remediation.Showcase;

/// <summary>What the showcase run found at its end: the figures of the summary and of the JSON report.</summary>
/// <param name="Settled">Whether every copy was scanned and every malicious one remediated before the timeout.</param>
/// <param name="SocForwarder">The campaign recipient who forwarded the lure to the SOC: never to be flagged.</param>
/// <param name="OrdinaryByKind">Ordinary items by the part of mailbox life they belong to (<see cref="OrdinaryKinds"/>).</param>
/// <param name="UsersWithoutMailbox">Users the subscription keeper skipped (guests, unlicensed), reported in one summary event.</param>
/// <param name="NotificationLoss">Notifications Graph never sent, and the messages the reconciliation timer queued instead.</param>
/// <param name="Alerts">How many of each alerting event the run raised.</param>
/// <param name="TimeToRemediateSeconds">From each malicious copy's delivery to its remediation.</param>
internal sealed record ShowcaseOutcome(
    ShowcaseOptions Options,
    bool Settled,
    double ElapsedSeconds,
    IReadOnlyList<CampaignOutcome> Campaigns,
    int BenignDelivered,
    int BenignTouched,
    IReadOnlyDictionary<string, int> OrdinaryByKind,
    IReadOnlyDictionary<string, int> Verdicts,
    IReadOnlyList<string> WaveMailboxes,
    IReadOnlyList<string> FlaggedMailboxes,
    string? SocForwarder,
    int CampaignsHeld,
    int UsersWithoutMailbox,
    NotificationLoss NotificationLoss,
    IReadOnlyDictionary<string, int> Alerts,
    Percentiles TimeToRemediateSeconds,
    long GraphRequests,
    long ThrottledRequests,
    long Notifications,
    IReadOnlyList<AuditRecord> Audit)
{
    public bool Succeeded => Settled && BenignTouched == 0 && Campaigns.All(c => c.Remediated == c.Copies)
        && FlaggedMailboxes.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(WaveMailboxes.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
}

/// <param name="Dropped">Change notifications the simulated Graph never sent.</param>
/// <param name="Reconciled">Messages the reconciliation timer found unscanned and queued.</param>
internal sealed record NotificationLoss(long Dropped, int Reconciled);
