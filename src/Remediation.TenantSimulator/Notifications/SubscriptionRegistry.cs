using System.Collections.Concurrent;

namespace Remediation.TenantSimulator.Notifications;

/// <summary>The tenant's subscriptions. Expired ones stay stored but are never found or notified.</summary>
internal sealed class SubscriptionRegistry(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, SimulatedSubscription> subscriptions = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<SimulatedSubscription> All => [.. subscriptions.Values];

    public IEnumerable<SimulatedSubscription> Live
    {
        get
        {
            var now = timeProvider.GetUtcNow();
            return subscriptions.Values.Where(s => !s.IsExpiredAt(now));
        }
    }

    public void Add(SimulatedSubscription subscription) => subscriptions[subscription.Id] = subscription;

    /// <summary>A subscription that exists and has not expired.</summary>
    public SimulatedSubscription? FindLive(string id) =>
        subscriptions.TryGetValue(id, out var subscription) && !subscription.IsExpiredAt(timeProvider.GetUtcNow())
            ? subscription
            : null;

    public bool Remove(string id) => subscriptions.TryRemove(id, out _);
}
