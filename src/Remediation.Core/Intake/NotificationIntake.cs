using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Queues;

namespace Remediation.Core.Intake;

/// <summary>
/// The webhook: answers Graph's validation handshake, checks every notification, and queues one scan request per
/// message. It never calls Graph or scans, so it answers within Graph's budget.
/// </summary>
public sealed partial class NotificationIntake(
    IWorkQueue queue,
    IOptions<TenantOptions> tenant,
    IOptions<IntakeOptions> options,
    TimeProvider clock,
    ILogger<NotificationIntake> logger)
{
    private readonly byte[] _clientState = Encoding.UTF8.GetBytes(tenant.Value.ClientState);

    public async Task<WebhookResponse> HandleAsync(string? validationToken, string? contentType, Stream body, CancellationToken cancellationToken)
    {
        // Graph proves the endpoint by posting a token it expects back verbatim as plain text.
        if (validationToken is not null)
        {
            return new WebhookResponse(200, validationToken);
        }
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Reject(415, "Content-Type must be application/json.");
        }

        var payload = await ReadCappedAsync(body, options.Value.MaxBodyBytes, cancellationToken);
        if (payload is null)
        {
            return Reject(413, $"Body exceeds {options.Value.MaxBodyBytes} bytes.");
        }

        IReadOnlyList<ChangeNotification> notifications;
        try
        {
            notifications = ChangeNotificationParser.Parse(payload);
        }
        catch (JsonException)
        {
            return Reject(400, "Body is not a change notification collection.");
        }

        var accepted = notifications.Where(IsAcceptable).ToList();
        var rejected = notifications.Count - accepted.Count;
        if (rejected > 0)
        {
            LogRejected(rejected, notifications.Count);
        }
        if (accepted.Count == 0 && rejected > 0)
        {
            return Reject(400, "No notification passed validation.");
        }

        var now = clock.GetUtcNow();
        await Task.WhenAll(accepted.Select(n => queue.EnqueueAsync(
            WorkQueueNames.ScanRequests,
            new ScanRequest(n.MailboxId!, n.MessageId!, n.SubscriptionId, now),
            cancellationToken)));
        LogQueued(accepted.Count);
        return WebhookResponse.Accepted(accepted.Count);
    }

    private bool IsAcceptable(ChangeNotification notification) =>
        notification.MailboxId is not null
        && notification.MessageId is not null
        && string.Equals(notification.TenantId, tenant.Value.TenantId, StringComparison.OrdinalIgnoreCase)
        && ClientStateMatches(notification.ClientState);

    // Constant time, so the secret cannot be learnt byte by byte from response timing.
    private bool ClientStateMatches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _clientState);

    private WebhookResponse Reject(int statusCode, string reason)
    {
        LogRefused(statusCode, reason);
        return WebhookResponse.Rejected(statusCode, reason);
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook rejected {Rejected} of {Total} notifications (clientState, tenant or resource)")]
    private partial void LogRejected(int rejected, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook queued {Count} scan requests")]
    private partial void LogQueued(int count);
}
