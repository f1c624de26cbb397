namespace Remediation.Showcase.Bench;

/// <summary>How fast the webhook takes notifications in, and whether each became a queued scan request.</summary>
/// <param name="Notifications">Notifications in the timed run.</param>
/// <param name="Seconds">How long the timed run took.</param>
/// <param name="Sent">Notifications sent, the warm-up included.</param>
/// <param name="Queued">Scan requests in the queue afterwards: equal to <paramref name="Sent"/> when none was lost (or written twice).</param>
internal sealed record WebhookIntakeResult(
    int Notifications,
    double Seconds,
    int PerPost,
    int Concurrency,
    double NotificationsPerSecond,
    Percentiles ResponseMilliseconds,
    long Sent,
    long Queued,
    int RefusedPosts);
