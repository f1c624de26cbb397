using System.ComponentModel.DataAnnotations;

namespace Remediation.Core.Subscriptions;

/// <summary>How the pipeline keeps one live Graph subscription per mailbox in scope.</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>The public URL of the notifications function (HTTPS in Azure).</summary>
    [Required, Url]
    public string NotificationUrl { get; set; } = "";

    /// <summary>The public URL of the lifecycle function.</summary>
    [Required, Url]
    public string LifecycleNotificationUrl { get; set; } = "";

    /// <summary>A function key appended as <c>code</c> to both URLs; Graph passes it back on every delivery.</summary>
    public string? FunctionKey { get; set; }

    /// <summary>Mailboxes in scope (ids or principal names); empty means every user Graph lists.</summary>
    public List<string> Mailboxes { get; set; } = [];

    /// <summary>
    /// Lifetime asked for on create and renew. Graph's current documentation allows mail subscriptions 10,080 minutes,
    /// live Graph has been seen refusing anything past 10,070, and a clock ahead of Graph's asks for more than it means:
    /// 10,000 leaves a margin for both (older pages said 4,230; set that if a cloud still refuses the longer one).
    /// </summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10000);

    /// <summary>Renew when less than this is left, so one missed timer run still leaves a margin.</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Subscription writes (create, renew) at most this many per <see cref="WriteWindow"/>: Graph allows 1,000 per 20 s per app per tenant.</summary>
    [Range(1, 1000)]
    public int MaxWritesPerWindow { get; set; } = 500;

    public TimeSpan WriteWindow { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Mailboxes worked on at once by one timer run.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// The first delta read of a folder covers the mail received this long before it, so a new deployment (or a new
    /// folder) does not queue years of mail; later reads take every change since the last one.
    /// </summary>
    public TimeSpan ResyncWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// When the reconciliation timer function resyncs every registered mailbox (NCRONTAB, read by the Functions
    /// host): Graph can drop notifications without a lifecycle event. A quiet mailbox costs one request per folder.
    /// </summary>
    [Required]
    public string ReconcileSchedule { get; set; } = "0 0 */6 * * *";

    internal string WithKey(string url) =>
        string.IsNullOrEmpty(FunctionKey) ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={Uri.EscapeDataString(FunctionKey)}";
}
