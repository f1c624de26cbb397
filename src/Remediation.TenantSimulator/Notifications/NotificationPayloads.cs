using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Notifications;

/// <summary>The JSON items Graph puts in the <c>value</c> array of a notification POST.</summary>
internal static class NotificationPayloads
{
    public static JsonObject Created(SimulatedSubscription subscription, StoredMessageView message, string tenantId)
    {
        var messageId = subscription.UsesImmutableIds ? message.ImmutableId : message.MessageId;
        var resource = $"Users/{message.MailboxId}/Messages/{messageId}";
        return new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = GraphDates.Precise(subscription.ExpirationDateTime),
            ["changeType"] = "created",
            ["resource"] = resource,
            ["resourceData"] = new JsonObject
            {
                ["@odata.type"] = "#Microsoft.Graph.Message",
                ["@odata.id"] = resource,
                ["@odata.etag"] = $"W/\"{message.ChangeKey}\"",
                ["id"] = messageId,
            },
            ["clientState"] = subscription.ClientState,
            ["tenantId"] = tenantId,
        };
    }

    public static JsonObject Lifecycle(SimulatedSubscription subscription, string lifecycleEvent, string tenantId) => new()
    {
        ["subscriptionId"] = subscription.Id,
        ["subscriptionExpirationDateTime"] = GraphDates.Precise(subscription.ExpirationDateTime),
        ["tenantId"] = tenantId,
        ["clientState"] = subscription.ClientState,
        ["lifecycleEvent"] = lifecycleEvent,
    };
}
