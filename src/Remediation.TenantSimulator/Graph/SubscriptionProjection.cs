using System.Text.Json.Nodes;

namespace Remediation.TenantSimulator.Graph;

/// <summary>The Graph <c>subscription</c> resource.</summary>
internal static class SubscriptionProjection
{
    public static JsonObject ToJson(SimulatedSubscription subscription, string applicationId) => new()
    {
        ["id"] = subscription.Id,
        ["resource"] = subscription.Resource,
        ["applicationId"] = applicationId,
        ["changeType"] = subscription.ChangeType,
        ["clientState"] = subscription.ClientState,
        ["notificationUrl"] = subscription.NotificationUrl.AbsoluteUri,
        ["lifecycleNotificationUrl"] = subscription.LifecycleNotificationUrl?.AbsoluteUri,
        ["expirationDateTime"] = GraphDates.Precise(subscription.ExpirationDateTime),
        ["creatorId"] = applicationId,
        ["includeResourceData"] = false,
        ["latestSupportedTlsVersion"] = "v1_2",
        ["notificationUrlAppId"] = null,
    };
}
