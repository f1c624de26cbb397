using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Queues;
using Remediation.Core.Subscriptions;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Intake;

/// <summary>
/// The two webhooks Graph calls: change notifications and lifecycle notifications. Each answers the validation
/// handshake, checks every notification (clientState in constant time, tenant, a live subscription of ours and its
/// mailbox, the change type), and queues the work. Neither calls Graph nor scans, and storage gets a fixed budget,
/// so both answer within Graph's.
/// </summary>
public sealed partial class NotificationIntake
{
    private readonly IWorkQueue _queue;
    private readonly TenantOptions _tenant;
    private readonly IntakeOptions _options;
    private readonly IPipelineTelemetry _telemetry;
    private readonly TimeProvider _clock;
    private readonly ILogger<NotificationIntake> _logger;
    private readonly byte[] _clientState;
    private readonly DuplicateFilter _recent;
    private readonly KnownSubscriptions _subscriptions;

    public NotificationIntake(
        IWorkQueue queue,
        KnownSubscriptions subscriptions,
        IOptions<TenantOptions> tenant,
        IOptions<IntakeOptions> options,
        IPipelineTelemetry telemetry,
        TimeProvider clock,
        ILogger<NotificationIntake> logger)
    {
        _queue = queue;
        _subscriptions = subscriptions;
        _tenant = tenant.Value;
        _options = options.Value;
        _telemetry = telemetry;
        _clock = clock;
        _logger = logger;
        _clientState = Encoding.UTF8.GetBytes(_tenant.ClientState);
        _recent = new DuplicateFilter(_options.DuplicateWindow, clock);
    }

    /// <summary>Change notifications: one scan request per new message.</summary>
    public Task<WebhookResponse> HandleNotificationsAsync(string? validationToken, string? contentType, Stream body, CancellationToken cancellationToken) =>
        HandleAsync(validationToken, contentType, body, IsMessageNotification, QueueScanAsync, cancellationToken);

    /// <summary>Lifecycle notifications: one subscription event each, handled off the request.</summary>
    public Task<WebhookResponse> HandleLifecycleAsync(string? validationToken, string? contentType, Stream body, CancellationToken cancellationToken) =>
        HandleAsync(validationToken, contentType, body, IsLifecycleNotification, QueueLifecycleAsync, cancellationToken);

    private async Task<WebhookResponse> HandleAsync(
        string? validationToken,
        string? contentType,
        Stream body,
        Func<ChangeNotification, bool> isWellFormed,
        Func<ChangeNotification, DateTimeOffset, CancellationToken, Task<bool>> enqueue,
        CancellationToken cancellationToken)
    {
        // Graph proves the endpoint by posting a token it expects back verbatim as plain text.
        if (validationToken is not null)
        {
            return validationToken.Length <= _options.MaxValidationTokenChars
                ? new WebhookResponse(200, validationToken)
                : Reject(400, $"Validation token longer than {_options.MaxValidationTokenChars} characters.");
        }
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Reject(415, "Content-Type must be application/json.");
        }

        var payload = await ReadCappedAsync(body, _options.MaxBodyBytes, cancellationToken);
        if (payload is null)
        {
            return Reject(413, $"Body exceeds {_options.MaxBodyBytes} bytes.");
        }

        IReadOnlyList<ChangeNotification> notifications;
        try
        {
            notifications = ChangeNotificationParser.Parse(payload);
        }
        catch (JsonException)
        {
            return Reject(400, "Body is not a notification collection.");
        }

        // Storage gets one budget for the whole request: past it, a fast 503 makes Graph deliver again, where a slow
        // answer would make it delay and then drop this endpoint's notifications.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.StorageBudget);
        try
        {
            return await AcceptAsync(notifications, isWellFormed, enqueue, budget.Token);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            LogStorageUnavailable(error, _options.StorageBudget.TotalSeconds);
            return new WebhookResponse(503, "Storage is unavailable; deliver again later.");
        }
    }

    private async Task<WebhookResponse> AcceptAsync(
        IReadOnlyList<ChangeNotification> notifications,
        Func<ChangeNotification, bool> isWellFormed,
        Func<ChangeNotification, DateTimeOffset, CancellationToken, Task<bool>> enqueue,
        CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(notifications.Select(n => IsAcceptedAsync(n, isWellFormed, cancellationToken)));
        var accepted = notifications.Where((_, i) => checks[i]).ToList();
        var rejected = notifications.Count - accepted.Count;
        if (rejected > 0)
        {
            LogRejected(rejected, notifications.Count);
            TrackRejected($"{rejected} of {notifications.Count} notifications failed validation", rejected);
        }
        if (accepted.Count == 0 && rejected > 0)
        {
            return WebhookResponse.Rejected(400, "No notification passed validation.");
        }

        var now = _clock.GetUtcNow();
        var queued = await Task.WhenAll(accepted.Select(n => enqueue(n, now, cancellationToken)));
        var count = queued.Count(q => q);
        LogQueued(count, accepted.Count - count);
        return WebhookResponse.Accepted(count);
    }

    // The cheap checks first: only a notification carrying the secret and our tenant costs a registry read. It must
    // then name a live subscription of this deployment and, for a message, that subscription's own mailbox: the
    // client state alone would let whoever learnt it queue scans of any mailbox.
    private async Task<bool> IsAcceptedAsync(ChangeNotification n, Func<ChangeNotification, bool> isWellFormed, CancellationToken cancellationToken)
    {
        if (!isWellFormed(n) || !IsOurs(n) || n.SubscriptionId is null) return false;
        var mailbox = await _subscriptions.MailboxOfAsync(n.SubscriptionId, cancellationToken);
        return mailbox is not null && (n.MailboxId is null || string.Equals(mailbox, n.MailboxId, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<bool> QueueScanAsync(ChangeNotification n, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A repeat is the same version of the message; a new version (moved out of Junk) is scanned again.
        var key = $"{n.MailboxId}/{n.MessageId}/{n.Version}";
        if (!_recent.TryAdd(key)) return false;
        try
        {
            await _queue.EnqueueAsync(WorkQueueNames.ScanRequests, new ScanRequest(n.MailboxId!, n.MessageId!, n.SubscriptionId, now), cancellationToken);
            return true;
        }
        catch
        {
            // Not queued: Graph will deliver it again, and that delivery must not be taken for a repeat.
            _recent.Remove(key);
            throw;
        }
    }

    private async Task<bool> QueueLifecycleAsync(ChangeNotification n, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _queue.EnqueueAsync(WorkQueueNames.SubscriptionEvents, new SubscriptionEvent(null, n.SubscriptionId, LifecycleKind(n.LifecycleEvent!)!.Value), cancellationToken);
        return true;
    }

    private static bool IsMessageNotification(ChangeNotification n) =>
        n.MailboxId is not null && n.MessageId is not null && n.ChangeType == MailboxSubscription.ChangeType;

    private static bool IsLifecycleNotification(ChangeNotification n) => n.SubscriptionId is not null && LifecycleKind(n.LifecycleEvent) is not null;

    private static SubscriptionEventKind? LifecycleKind(string? lifecycleEvent) => lifecycleEvent switch
    {
        "reauthorizationRequired" => SubscriptionEventKind.ReauthorizationRequired,
        "subscriptionRemoved" => SubscriptionEventKind.SubscriptionRemoved,
        "missed" => SubscriptionEventKind.Missed,
        _ => null,
    };

    private bool IsOurs(ChangeNotification n) =>
        string.Equals(n.TenantId, _tenant.TenantId, StringComparison.OrdinalIgnoreCase) && ClientStateMatches(n.ClientState);

    // Constant time, so the secret cannot be learnt byte by byte from response timing.
    private bool ClientStateMatches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _clientState);

    private WebhookResponse Reject(int statusCode, string reason)
    {
        LogRefused(statusCode, reason);
        TrackRejected(reason, 1);
        return WebhookResponse.Rejected(statusCode, reason);
    }

    private void TrackRejected(string reason, int count) =>
        _telemetry.Emit(new WebhookRejected(reason, count));

    private static async Task<byte[]?> ReadCappedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refused a request with {StatusCode}: {Reason}")]
    private partial void LogRefused(int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook rejected {Rejected} of {Total} notifications (clientState, tenant or shape)")]
    private partial void LogRejected(int rejected, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook answered 503: storage did not answer within {BudgetSeconds} s")]
    private partial void LogStorageUnavailable(Exception exception, double budgetSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook queued {Count} items ({Repeats} repeats skipped)")]
    private partial void LogQueued(int count, int repeats);
}
