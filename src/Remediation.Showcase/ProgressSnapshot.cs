namespace Remediation.Showcase;

/// <summary>What the live view shows at one moment: the simulator's and the pipeline's counters.</summary>
internal sealed record ProgressSnapshot(
    TimeSpan Elapsed,
    int BenignDelivered,
    int BenignPlanned,
    int MaliciousDelivered,
    int MaliciousPlanned,
    long Notifications,
    long GraphRequests,
    long Throttled,
    int Scanned,
    IReadOnlyDictionary<string, int> Verdicts,
    int Remediated,
    int Compromised,
    int WaveMailboxes,
    int CampaignsHeld);
