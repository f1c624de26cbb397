namespace Remediation.TenantSimulator.Notifications;

/// <summary>The body of <c>POST /subscriptions</c> and <c>PATCH /subscriptions/{id}</c>.</summary>
internal sealed record SubscriptionRequest(
    string? ChangeType,
    string? NotificationUrl,
    string? LifecycleNotificationUrl,
    string? Resource,
    DateTimeOffset? ExpirationDateTime,
    string? ClientState);

/// <summary>A created subscription, or why Graph refused to create it.</summary>
internal sealed record SubscriptionOutcome(SimulatedSubscription? Subscription, string? ErrorCode, string? ErrorMessage, int Status = 400)
{
    public static SubscriptionOutcome Created(SimulatedSubscription subscription) => new(subscription, null, null);

    public static SubscriptionOutcome Refused(string code, string message, int status = 400) => new(null, code, message, status);
}
