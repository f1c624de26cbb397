using System.Text.Json;

namespace Remediation.Showcase.Bench;

/// <summary>The body Graph POSTs to a webhook: up to 100 "created" change notifications for messages.</summary>
internal static class ChangeNotificationBatch
{
    public const int GraphMaxPerPost = 100;

    public static byte[] Build(string tenantId, string clientState, IEnumerable<(string MailboxId, string MessageId)> messages) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            value = messages.Select(m => new Dictionary<string, object>
            {
                ["subscriptionId"] = SubscriptionOf(m.MailboxId),
                ["subscriptionExpirationDateTime"] = DateTimeOffset.UtcNow.AddDays(2),
                ["changeType"] = "created",
                ["resource"] = $"Users/{m.MailboxId}/Messages/{m.MessageId}",
                ["resourceData"] = new Dictionary<string, string> { ["@odata.type"] = "#Microsoft.Graph.Message", ["id"] = m.MessageId },
                ["clientState"] = clientState,
                ["tenantId"] = tenantId,
            }),
        });

    /// <summary>The id of the subscription the bench's notifications for this mailbox name.</summary>
    public static string SubscriptionOf(string mailboxId) => $"bench-{mailboxId}";

    /// <summary>Bodies of at most <paramref name="perPost"/> notifications each, in order.</summary>
    public static List<byte[]> Split(string tenantId, string clientState, IEnumerable<(string MailboxId, string MessageId)> messages, int perPost) =>
        [.. messages.Chunk(perPost).Select(chunk => Build(tenantId, clientState, chunk))];
}
