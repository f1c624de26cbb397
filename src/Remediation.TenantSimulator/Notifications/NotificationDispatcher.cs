using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Remediation.TenantSimulator.Throttling;

namespace Remediation.TenantSimulator.Notifications;

/// <summary>
/// Sends notifications in the background the way Graph does: each change leaves after a latency of its own,
/// notifications raised close together share a POST per endpoint, a POST that fails or is answered too slowly is
/// retried with exponential backoff for a while, and an endpoint that answers slowly too often gets its new
/// notifications late, then not at all.
/// </summary>
internal sealed partial class NotificationDispatcher(
    SimulatorOptions options,
    WebhookClient webhook,
    EndpointHealth health,
    SimulatorMetrics metrics,
    FaultInjector faults,
    TimeProvider timeProvider,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private readonly Channel<PendingNotification> queue = Channel.CreateUnbounded<PendingNotification>();
    private readonly ConcurrentDictionary<Task, bool> deliveries = new();
    private CancellationToken stopping;

    public void EnqueueChange(Uri endpoint, JsonObject notification)
    {
        if (faults.ShouldDropNotification())
        {
            metrics.NotificationDropped();
            return;
        }

        var state = health.StateOf(endpoint);
        if (state == EndpointState.Drop)
        {
            metrics.NotificationDroppedBySlowEndpoint();
            return;
        }

        var latency = faults.NotificationLatency();
        if (state == EndpointState.Slow)
        {
            metrics.NotificationDelayedBySlowEndpoint();
            latency += options.SlowEndpointDelay;
        }

        metrics.NotificationsRaised(1);
        var pending = new PendingNotification(endpoint, notification);
        if (latency <= TimeSpan.Zero)
        {
            queue.Writer.TryWrite(pending);
        }
        else
        {
            Track(EnqueueLaterAsync(pending, latency));
        }
    }

    private async Task EnqueueLaterAsync(PendingNotification pending, TimeSpan latency)
    {
        try
        {
            await Task.Delay(latency, timeProvider, stopping);
            queue.Writer.TryWrite(pending);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: a notification still in flight is lost.
            metrics.NotificationsSettled(1);
        }
    }

    /// <summary>Lifecycle notifications go out at once, one per POST, with the same retries.</summary>
    public void SendLifecycle(Uri endpoint, JsonObject notification)
    {
        metrics.NotificationsRaised(1);
        Track(DeliverAsync(endpoint, [notification], _ => metrics.LifecycleNotificationDelivered()));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let notifications raised close together gather so that they share a POST.
                await Task.Delay(options.NotificationBatchWindow, timeProvider, stoppingToken);
                var pending = new List<PendingNotification>();
                while (queue.Reader.TryRead(out var notification))
                {
                    pending.Add(notification);
                }

                foreach (var byEndpoint in pending.GroupBy(n => n.Endpoint))
                {
                    foreach (var post in byEndpoint.Chunk(options.MaxNotificationsPerPost))
                    {
                        Track(DeliverAsync(byEndpoint.Key, [.. post.Select(n => n.Notification)], metrics.NotificationsAccepted));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: undelivered notifications are lost, as they would be when a subscription ends.
        }

        await Task.WhenAll(deliveries.Keys);
    }

    private void Track(Task delivery)
    {
        deliveries[delivery] = true;
        _ = delivery.ContinueWith(t => deliveries.TryRemove(t, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DeliverAsync(Uri endpoint, IReadOnlyList<JsonObject> notifications, Action<int> onDelivered)
    {
        var body = new JsonObject { ["value"] = new JsonArray([.. notifications]) };
        var started = timeProvider.GetTimestamp();
        var delay = options.NotificationRetryInitialDelay;
        try
        {
            while (true)
            {
                metrics.NotificationPosted();
                var answer = await webhook.PostAsync(endpoint, body, options.NotificationResponseBudget, stopping);
                health.Record(endpoint, slow: answer == WebhookAnswer.TooSlow);
                if (answer == WebhookAnswer.Accepted)
                {
                    onDelivered(notifications.Count);
                    return;
                }

                metrics.NotificationDeliveryFailed();
                if (timeProvider.GetElapsedTime(started) + delay > options.NotificationRetryMaxDuration)
                {
                    metrics.NotificationsGivenUp(notifications.Count);
                    LogGivenUp(endpoint, notifications.Count);
                    return;
                }

                await Task.Delay(delay, timeProvider, stopping);
                metrics.NotificationRetried();
                delay *= 2;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            metrics.NotificationsSettled(notifications.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up delivering {Count} notifications to {Endpoint}")]
    private partial void LogGivenUp(Uri endpoint, int count);

    private sealed record PendingNotification(Uri Endpoint, JsonObject Notification);
}
