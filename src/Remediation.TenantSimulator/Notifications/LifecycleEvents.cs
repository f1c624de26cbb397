namespace Remediation.TenantSimulator.Notifications;

/// <summary>
/// Raises lifecycle events of a subscription: sends them to its lifecycle URL, and for <c>subscriptionRemoved</c> also
/// removes the subscription, as Graph does when it ends one on its own.
/// </summary>
internal sealed class LifecycleEvents(SimulatorOptions options, SubscriptionRegistry registry, NotificationDispatcher dispatcher)
{
    private const string SubscriptionRemoved = "subscriptionRemoved";
    private static readonly string[] Known = ["reauthorizationRequired", SubscriptionRemoved, "missed"];

    /// <summary>The event's canonical spelling, or null when Graph has no such lifecycle event.</summary>
    public static string? Normalize(string lifecycleEvent) =>
        Array.Find(Known, e => string.Equals(e, lifecycleEvent, StringComparison.OrdinalIgnoreCase));

    /// <summary>False when no live subscription has that id.</summary>
    public bool Raise(string subscriptionId, string lifecycleEvent)
    {
        var canonical = Normalize(lifecycleEvent) ?? throw new ArgumentException($"Unknown lifecycle event '{lifecycleEvent}'.", nameof(lifecycleEvent));
        var subscription = registry.FindLive(subscriptionId);
        if (subscription is null)
        {
            return false;
        }

        if (canonical == SubscriptionRemoved)
        {
            registry.Remove(subscription.Id);
        }

        if (subscription.LifecycleNotificationUrl is { } endpoint)
        {
            dispatcher.SendLifecycle(endpoint, NotificationPayloads.Lifecycle(subscription, canonical, options.TenantId));
        }

        return true;
    }
}
