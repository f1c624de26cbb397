namespace Remediation.Showcase.Bench;

/// <summary>How long one campaign took to remediate, against what its Graph traffic allows at the configured concurrency.</summary>
/// <param name="AnnouncedCopies">Copies the webhook was told of: one per transported message; the pipeline found the rest.</param>
/// <param name="Seconds">From the first copy's delivery to the last copy's remediation.</param>
/// <param name="TimeToRemediateSeconds">Per copy, from its delivery to its remediation.</param>
/// <param name="FailedAttempts">Remediations of a copy that failed (each retried by the queue until its attempts run out).</param>
/// <param name="PoisonMessages">Queue messages that exhausted their attempts: the copies they carried were not remediated.</param>
/// <param name="ErrorsLogged">Errors the host logged, by category: how many, and the first.</param>
/// <param name="GraphRequestsPerMailbox">Requests each campaign mailbox received, each item of a batch counted: what Graph throttles.</param>
/// <param name="RoundTripsPerMailbox">The same requests with a batch counted once: the waits for Graph's answer that a copy's remediation takes.</param>
/// <param name="RequestsPerMailboxByKind">The campaign's Graph requests by method and route, divided by its mailboxes.</param>
/// <param name="Instances">Pipeline hosts that shared the work.</param>
/// <param name="DuplicateRemediations">Remediation events beyond one per copy: a copy acted on twice.</param>
/// <param name="ExtraMoves">Moves Graph received beyond one per remediated copy.</param>
/// <param name="StorageCallsPerMailboxByKind">Queue and table calls by kind, divided by the mailboxes; empty unless counted.</param>
/// <param name="IdealSeconds">
/// Mailboxes × round trips per mailbox × Graph latency ÷ remediation jobs in flight: the time if Graph's latency and the
/// host's concurrency were the only limits.
/// </param>
internal sealed record CampaignRemediationResult(
    int Mailboxes,
    int AnnouncedCopies,
    int Remediated,
    bool Completed,
    double Seconds,
    Percentiles TimeToRemediateSeconds,
    long GraphRequests,
    long ThrottledRequests,
    int FailedAttempts,
    int PoisonMessages,
    IReadOnlyDictionary<string, string> ErrorsLogged,
    double GraphRequestsPerMailbox,
    double RoundTripsPerMailbox,
    double GraphLatencyMilliseconds,
    int RemediationJobsInFlight,
    double IdealSeconds,
    IReadOnlyDictionary<string, double> RequestsPerMailboxByKind,
    int Instances,
    int DuplicateRemediations,
    long ExtraMoves,
    IReadOnlyDictionary<string, double> StorageCallsPerMailboxByKind);
