namespace Remediation.TenantSimulator;

/// <summary>Settings of a simulated Microsoft 365 tenant and of the Graph service in front of it.</summary>
public sealed class SimulatorOptions
{
    public string TenantId { get; set; } = "7d1f3c52-5b8e-4c1a-9f0e-2a6b3d4c5e6f";

    /// <summary>Where the Exchange Online hosts stamping transport live: <c>outlook.com</c>, or a sovereign cloud's domain.</summary>
    public string ExchangeDomain { get; set; } = "outlook.com";

    /// <summary>The tenant's accepted domain.</summary>
    public string TenantDomain { get; set; } = "contoso.example";

    /// <summary>A static bearer token accepted besides those issued by the token endpoint.</summary>
    public string AccessToken { get; set; } = "simulator-static-access-token";

    public string ClientId { get; set; } = "3f9a1b2c-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    public string ClientSecret { get; set; } = "simulator-client-secret";

    public TimeSpan IssuedTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public int MaxConcurrentRequestsPerMailbox { get; set; } = 4;

    public int ThrottleRetryAfterSeconds { get; set; } = 1;

    public int MailboxRequestBudget { get; set; } = 10_000;

    public TimeSpan MailboxBudgetWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest lifetime Graph grants a mail subscription: 10,080 minutes in the current documentation, but live Graph
    /// has been seen refusing anything past 10,070, the stricter of the two.
    /// </summary>
    public TimeSpan MaxSubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(10070);

    /// <summary>Added to every Graph request.</summary>
    public TimeSpan RequestLatency { get; set; } = TimeSpan.Zero;

    /// <summary>Share of Graph requests answered 503 or 504 (with Retry-After).</summary>
    public double TransientFaultRate { get; set; }

    /// <summary>Share of Graph requests delayed by <see cref="SlowResponseDelay"/>.</summary>
    public double SlowResponseRate { get; set; }

    public TimeSpan SlowResponseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of change notifications silently never sent.</summary>
    public double DroppedNotificationRate { get; set; }

    /// <summary>
    /// Mean time from a change to its notification leaving Graph (exponentially distributed, capped by
    /// <see cref="MaxNotificationLatency"/>). Graph documents seconds typically, a few minutes at most; zero sends at once.
    /// </summary>
    public TimeSpan NotificationLatency { get; set; } = TimeSpan.Zero;

    public TimeSpan MaxNotificationLatency { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The sliding window over which the share of an endpoint's slow answers is judged.</summary>
    public TimeSpan EndpointHealthWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Answers needed in the window before an endpoint can be judged slow.</summary>
    public int EndpointHealthMinimumAnswers { get; set; } = 10;

    /// <summary>How late new notifications go out while an endpoint is in the slow state.</summary>
    public TimeSpan SlowEndpointDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan NotificationBatchWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    public int MaxNotificationsPerPost { get; set; } = 100;

    /// <summary>Notification endpoints answering slower than this count as failed and are retried.</summary>
    public TimeSpan NotificationResponseBudget { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan NotificationRetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan NotificationRetryMaxDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Time the subscriber's endpoint has to answer the validation handshake.</summary>
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Seed of the random fault decisions; null for a different sequence on every run.</summary>
    public int? Seed { get; set; }
}
