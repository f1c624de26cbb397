using System.Diagnostics.CodeAnalysis;
using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Notifications;

/// <summary>Creates and renews subscriptions with Graph's checks, including the validation handshake.</summary>
internal sealed class SubscriptionService(
    SimulatorOptions options, SimulatedTenant tenant, SubscriptionRegistry registry, WebhookClient webhook, TimeProvider timeProvider)
{
    private const int MaxClientStateLength = 128;
    private static readonly string[] ChangeTypes = ["created", "updated", "deleted"];

    public async Task<SubscriptionOutcome> CreateAsync(SubscriptionRequest request, bool immutableIds, CancellationToken cancellationToken)
    {
        if (request.Resource is null || request.NotificationUrl is null || request.ChangeType is null || request.ExpirationDateTime is null)
        {
            return Invalid("The changeType, notificationUrl, resource and expirationDateTime properties are required.");
        }

        if (!request.ChangeType.Split(',', StringSplitOptions.TrimEntries).All(t => ChangeTypes.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            return Invalid($"Unsupported changeType '{request.ChangeType}'.");
        }

        Uri? lifecycleUrl = null;
        if (!TryReadEndpoint(request.NotificationUrl, out var notificationUrl)
            || (request.LifecycleNotificationUrl is not null && !TryReadEndpoint(request.LifecycleNotificationUrl, out lifecycleUrl)))
        {
            return Invalid("The notification URLs must be absolute https URLs (http is accepted on loopback).");
        }
        if (request.ClientState?.Length > MaxClientStateLength)
        {
            return Invalid($"The clientState must not exceed {MaxClientStateLength} characters.");
        }

        if (ExpirationError(request.ExpirationDateTime.Value) is { } expirationError)
        {
            return Invalid(expirationError);
        }

        if (!SubscriptionResource.TryResolve(request.Resource, tenant, out var mailbox, out var folderId, out var resourceError))
        {
            return Invalid(resourceError);
        }
        // A user without an Exchange mailbox, or a mailbox the app's Exchange RBAC scope leaves out, as Graph answers. The
        // subscriptions service wraps the mailbox's own refusal of a user without one in an ExtensionError.
        if (mailbox.Access == MailboxAccess.NotEnabled)
        {
            return SubscriptionOutcome.Refused("ExtensionError",
                "Operation: Create; Exception: [Status Code: NotFound; Reason: REST API is not yet supported for this mailbox.]", StatusCodes.Status404NotFound);
        }
        if (GraphErrors.MailboxAccessDenied(mailbox.Access) is { } denied)
        {
            return SubscriptionOutcome.Refused(denied.Code, denied.Message, denied.Status);
        }

        foreach (var endpoint in new[] { notificationUrl, lifecycleUrl }.OfType<Uri>())
        {
            if (!await webhook.ValidateAsync(endpoint, cancellationToken))
            {
                return SubscriptionOutcome.Refused("ValidationError",
                    $"Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. ({endpoint})");
            }
        }

        var subscription = new SimulatedSubscription(Guid.NewGuid().ToString(), request.Resource, request.ChangeType, notificationUrl,
            lifecycleUrl, request.ClientState, mailbox.Id, folderId, immutableIds, request.ExpirationDateTime.Value);
        registry.Add(subscription);
        return SubscriptionOutcome.Created(subscription);
    }

    /// <summary>Why Graph would refuse this expiration, or null when it is within the allowed lifetime.</summary>
    public string? ExpirationError(DateTimeOffset expiration)
    {
        var now = timeProvider.GetUtcNow();
        if (expiration <= now)
        {
            return "Subscription expiration must be in the future.";
        }

        return expiration > now + options.MaxSubscriptionLifetime
            ? $"Subscription expiration can only be {options.MaxSubscriptionLifetime.TotalMinutes:0} minutes in the future."
            : null;
    }

    private static bool TryReadEndpoint(string text, [NotNullWhen(true)] out Uri? endpoint)
    {
        endpoint = Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback))
                ? parsed
                : null;
        return endpoint is not null;
    }

    private static SubscriptionOutcome Invalid(string message) => SubscriptionOutcome.Refused("InvalidRequest", message);
}
