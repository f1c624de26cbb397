using System.Collections.Concurrent;
using Remediation.Core.Subscriptions;

namespace Remediation.Core.Intake;

/// <summary>
/// The subscriptions this deployment holds, as the webhook checks them: a notification counts only when it names a
/// live subscription from the registry and that subscription's own mailbox. Answers are kept a few minutes, so a
/// burst of notifications costs one registry read per subscription, not one per notification.
/// </summary>
public sealed class KnownSubscriptions(ISubscriptionRegistry registry, TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string MailboxId, DateTimeOffset ReadAt)> _live = new(StringComparer.Ordinal);

    /// <summary>The mailbox the subscription watches, or null when it is not one of ours or no longer live.</summary>
    public async Task<string?> MailboxOfAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_live.TryGetValue(subscriptionId, out var known) && now - known.ReadAt < Freshness) return known.MailboxId;

        var subscription = await registry.FindBySubscriptionAsync(subscriptionId, cancellationToken);
        // A recreated subscription replaces the old one in the mailbox's row; the old one's row may linger.
        var current = subscription is null ? null : await registry.FindByMailboxAsync(subscription.MailboxId, cancellationToken);
        if (current is null || current.SubscriptionId != subscriptionId || current.ExpiresAt <= now)
        {
            _live.TryRemove(subscriptionId, out _);
            return null;
        }
        _live[subscriptionId] = (current.MailboxId, now);
        return current.MailboxId;
    }
}
