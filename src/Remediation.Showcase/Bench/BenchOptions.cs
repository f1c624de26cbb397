namespace Remediation.Showcase.Bench;

/// <summary>What one <c>bench</c> run measures, and where its results go.</summary>
/// <param name="CampaignSizes">Mailboxes per campaign, one copy each: one time-to-remediate run per size.</param>
/// <param name="WebhookDuration">How long the webhook is driven in the timed intake run.</param>
/// <param name="Concurrency">POSTs in flight at once against the webhook.</param>
/// <param name="SpamAssassinMessages">About how many corpus messages SpamAssassin scores (about 10 a second).</param>
internal sealed record BenchOptions(
    IReadOnlyList<int> CampaignSizes,
    TimeSpan WebhookDuration,
    int Concurrency,
    int SpamAssassinMessages,
    TimeSpan CampaignTimeout,
    string OutputDirectory)
{
    public const string ResultsFile = "results.json";
    public const string ChartFile = "time-to-remediate.svg";

    /// <summary>Why these options cannot run, or null.</summary>
    public string? Problem =>
        CampaignSizes.Count == 0 || CampaignSizes.Any(size => size < 1) ? "--campaign-sizes needs one or more positive sizes."
        : WebhookDuration <= TimeSpan.Zero || Concurrency < 1 ? "--webhook-seconds and --concurrency must be positive."
        : null;
}
