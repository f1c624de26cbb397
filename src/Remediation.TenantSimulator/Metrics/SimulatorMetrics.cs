using System.Collections.Concurrent;

namespace Remediation.TenantSimulator;

/// <summary>What the simulator saw and did, for tests to assert on. Thread-safe.</summary>
public sealed class SimulatorMetrics
{
    private readonly ConcurrentDictionary<string, MailboxCounters> mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> requestsByKind = new(StringComparer.Ordinal);
    private long graphRequests;
    private long throttledRequests;
    private long faultsInjected;
    private long slowResponsesInjected;
    private long notificationPosts;
    private long notificationsDelivered;
    private long notificationDeliveryFailures;
    private long notificationRetries;
    private long notificationsAbandoned;
    private long droppedNotifications;
    private long notificationsDelayedBySlowEndpoint;
    private long notificationsDroppedBySlowEndpoint;
    private long lifecycleNotificationsDelivered;
    private long deltaRoundsStarted;
    private long notificationsInFlight;

    /// <summary>Authenticated Graph requests, including the items of batches.</summary>
    public long GraphRequests => Interlocked.Read(ref graphRequests);

    /// <summary>
    /// Authenticated Graph requests by kind, the method and the route they matched (<c>GET /v1.0/users/{user}/messages</c>),
    /// batch items counted as their own kind.
    /// </summary>
    public IReadOnlyDictionary<string, long> RequestsByKind => requestsByKind.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);

    /// <summary>Requests answered 429.</summary>
    public long ThrottledRequests => Interlocked.Read(ref throttledRequests);

    /// <summary>Requests answered 503 or 504 by fault injection.</summary>
    public long FaultsInjected => Interlocked.Read(ref faultsInjected);

    public long SlowResponsesInjected => Interlocked.Read(ref slowResponsesInjected);

    /// <summary>POSTs of change and lifecycle notifications to subscribers, retries included.</summary>
    public long NotificationPosts => Interlocked.Read(ref notificationPosts);

    /// <summary>Change notifications in POSTs that the subscriber accepted in time.</summary>
    public long NotificationsDelivered => Interlocked.Read(ref notificationsDelivered);

    /// <summary>POSTs that failed: an error status, no connection, or an answer slower than the budget.</summary>
    public long NotificationDeliveryFailures => Interlocked.Read(ref notificationDeliveryFailures);

    public long NotificationRetries => Interlocked.Read(ref notificationRetries);

    /// <summary>Notifications given up on after the retry period.</summary>
    public long NotificationsAbandoned => Interlocked.Read(ref notificationsAbandoned);

    /// <summary>Change notifications silently never sent, as <see cref="SimulatorOptions.DroppedNotificationRate"/> asks.</summary>
    public long DroppedNotifications => Interlocked.Read(ref droppedNotifications);

    /// <summary>Change notifications sent late because their endpoint was in the slow state.</summary>
    public long NotificationsDelayedBySlowEndpoint => Interlocked.Read(ref notificationsDelayedBySlowEndpoint);

    /// <summary>Change notifications dropped because their endpoint was in the drop state.</summary>
    public long NotificationsDroppedBySlowEndpoint => Interlocked.Read(ref notificationsDroppedBySlowEndpoint);

    public long LifecycleNotificationsDelivered => Interlocked.Read(ref lifecycleNotificationsDelivered);

    /// <summary>
    /// Change and lifecycle notifications raised and not yet settled (delivered, given up on, or lost to a shutdown):
    /// zero means the subscriber will hear of nothing more until the tenant changes again.
    /// </summary>
    public long NotificationsInFlight => Interlocked.Read(ref notificationsInFlight);

    /// <summary>Delta requests without a state token: first syncs of a folder, not reads from a delta link.</summary>
    public long DeltaRoundsStarted => Interlocked.Read(ref deltaRoundsStarted);

    public IReadOnlyList<MailboxMetrics> Mailboxes => [.. mailboxes.Keys.Select(ForMailbox)];

    public MailboxMetrics ForMailbox(string mailboxId)
    {
        if (!mailboxes.TryGetValue(mailboxId, out var counters))
        {
            return new MailboxMetrics(mailboxId, 0, 0, 0, 0);
        }

        lock (counters)
        {
            return new MailboxMetrics(mailboxId, counters.Requests, counters.PeakConcurrency, counters.Throttled, counters.RoundTrips);
        }
    }

    internal void GraphRequestAuthenticated(string kind)
    {
        Interlocked.Increment(ref graphRequests);
        requestsByKind.AddOrUpdate(kind, 1, (_, count) => count + 1);
    }

    internal void MailboxRequestAdmitted(string mailboxId, int concurrency)
    {
        var counters = mailboxes.GetOrAdd(mailboxId, _ => new MailboxCounters());
        lock (counters)
        {
            counters.Requests++;
            counters.PeakConcurrency = Math.Max(counters.PeakConcurrency, concurrency);
        }
    }

    /// <summary>An admitted request that is not an item of a batch whose earlier item reached this mailbox.</summary>
    internal void MailboxRoundTrip(string mailboxId)
    {
        var counters = mailboxes.GetOrAdd(mailboxId, _ => new MailboxCounters());
        lock (counters)
        {
            counters.RoundTrips++;
        }
    }

    internal void RequestThrottled(string mailboxId)
    {
        Interlocked.Increment(ref throttledRequests);
        var counters = mailboxes.GetOrAdd(mailboxId, _ => new MailboxCounters());
        lock (counters)
        {
            counters.Throttled++;
        }
    }

    internal void FaultInjected() => Interlocked.Increment(ref faultsInjected);

    internal void SlowResponseInjected() => Interlocked.Increment(ref slowResponsesInjected);

    internal void NotificationsRaised(int count) => Interlocked.Add(ref notificationsInFlight, count);

    internal void NotificationsSettled(int count) => Interlocked.Add(ref notificationsInFlight, -count);

    internal void NotificationPosted() => Interlocked.Increment(ref notificationPosts);

    internal void NotificationsAccepted(int count) => Interlocked.Add(ref notificationsDelivered, count);

    internal void NotificationDeliveryFailed() => Interlocked.Increment(ref notificationDeliveryFailures);

    internal void NotificationRetried() => Interlocked.Increment(ref notificationRetries);

    internal void NotificationsGivenUp(int count) => Interlocked.Add(ref notificationsAbandoned, count);

    internal void NotificationDropped() => Interlocked.Increment(ref droppedNotifications);

    internal void NotificationDelayedBySlowEndpoint() => Interlocked.Increment(ref notificationsDelayedBySlowEndpoint);

    internal void NotificationDroppedBySlowEndpoint() => Interlocked.Increment(ref notificationsDroppedBySlowEndpoint);

    internal void DeltaRoundStarted() => Interlocked.Increment(ref deltaRoundsStarted);

    internal void LifecycleNotificationDelivered() => Interlocked.Increment(ref lifecycleNotificationsDelivered);

    private sealed class MailboxCounters
    {
        public long Requests { get; set; }

        public int PeakConcurrency { get; set; }

        public long Throttled { get; set; }

        public long RoundTrips { get; set; }
    }
}
