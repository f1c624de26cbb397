namespace Remediation.Showcase.Bench;

/// <summary>Everything one <c>bench</c> run measured: the machine-readable results file.</summary>
internal sealed record BenchResults(
    DateTimeOffset Date,
    BenchMachine Machine,
    ScanThroughputResult? Scan,
    string? ScanNote,
    WebhookIntakeResult Webhook,
    IReadOnlyList<CampaignRemediationResult> Remediation,
    IReadOnlyDictionary<string, long> PeakWorkingSetBytesAfter,
    double TotalSeconds);
