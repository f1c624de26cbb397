using System.Security.Cryptography;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remediation.Core.Queues;
using Remediation.Core.Subscriptions;
using Remediation.LocalHost;

namespace Remediation.Showcase.Bench;

/// <summary>
/// The webhook under load: batches of change notifications POSTed concurrently to the local host, with Azurite
/// behind it, and the scan requests counted in the queue afterwards. Each names a subscription the registry holds
/// for its mailbox, as the webhook demands.
/// </summary>
internal static class WebhookIntakeBench
{
    private const string TenantId = "7d1f3c52-5b8e-4c1a-9f0e-2a6b3d4c5e6f";
    private const int Mailboxes = 1000;

    // Object ids, as the webhook accepts for a user.
    private static readonly string[] MailboxIds = [.. Enumerable.Range(0, Mailboxes).Select(i => new Guid(i, 0, 0, new byte[8]).ToString())];

    public static async Task<WebhookIntakeResult> RunAsync(TimeSpan duration, int perPost, int concurrency, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var clientState = RandomNumberGenerator.GetHexString(32, lowercase: true);
        await using var host = await LocalPipelineHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Tenant:TenantId"] = TenantId,
            ["Tenant:ClientState"] = clientState,
            ["Tenant:AcceptedDomains:0"] = "contoso.example",
            // No Graph behind this host: nothing here calls it.
            ["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0",
            ["LocalHost:Url"] = "http://127.0.0.1:0",
            ["LocalHost:GraphAccessToken"] = "unused",
            ["LocalHost:SubscriptionCheckInterval"] = "00:00:00",
            // The stages after intake stay off: the queue keeps every request the webhook wrote, and no listener polls
            // the storage emulator meanwhile (each of its reads re-sorts every message it holds, tens of thousands here).
            ["AzureWebJobs.Scan.Disabled"] = "true",
            ["AzureWebJobs.Campaign.Disabled"] = "true",
            ["AzureWebJobs.Remediate.Disabled"] = "true",
            ["AzureWebJobs.SubscriptionEvents.Disabled"] = "true",
        }, logging => logging.ClearProviders(), cancellationToken: cancellationToken);

        var registry = host.Services.GetRequiredService<ISubscriptionRegistry>();
        foreach (var mailbox in MailboxIds)
        {
            await registry.SaveAsync(new MailboxSubscription(mailbox, ChangeNotificationBatch.SubscriptionOf(mailbox), DateTimeOffset.UtcNow.AddDays(2)), cancellationToken);
        }

        // Connections, the JIT and the queue client are warmed up first; those notifications are queued too.
        var warmUp = ChangeNotificationBatch.Split(TenantId, clientState, Messages("warm-up", perPost * concurrency), perPost);
        await NotificationPoster.PostAllAsync(host.NotificationUrl, warmUp, concurrency, cancellationToken);
        var (milliseconds, posted, elapsed, refused) = await NotificationPoster.PostForAsync(
            host.NotificationUrl, number => ChangeNotificationBatch.Build(TenantId, clientState, Messages($"bench-{number:D6}", perPost)), concurrency, duration, cancellationToken);
        var notifications = posted * perPost;

        // The emulator's count is exact. Reading every message back instead would take longer than the run: each read
        // re-sorts all it holds.
        var queued = (await new QueueClient(azurite.ConnectionString, WorkQueueNames.ScanRequests).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        return new WebhookIntakeResult(
            notifications, elapsed.TotalSeconds, perPost, concurrency, notifications / elapsed.TotalSeconds, Percentiles.Of(milliseconds),
            perPost * concurrency + notifications, queued, refused);
    }

    private static IEnumerable<(string MailboxId, string MessageId)> Messages(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => (MailboxIds[i % Mailboxes], $"{prefix}-message-{i:D7}"));
}
