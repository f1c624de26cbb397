using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Remediation.Core;
using Remediation.Core.Intake;
using Remediation.Core.Queues;
using Remediation.Core.Subscriptions;
using Remediation.Infrastructure.Storage;

namespace Remediation.IntegrationTests.Fixtures;

/// <summary>The webhook stage writing to a real, emptied scan-requests queue on Azurite.</summary>
internal static class IntakeOnAzurite
{
    /// <param name="subscriptions">The live subscriptions the webhook knows, each with its mailbox.</param>
    public static async Task<(NotificationIntake Intake, QueueClient ScanQueue)> CreateAsync(
        AzuriteFixture azurite, string tenantId, string clientState, RecordingTelemetry telemetry, params (string SubscriptionId, string MailboxId)[] subscriptions)
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        await tables.CreateTableIfNotExistsAsync(TableNames.Subscriptions);
        var registry = new TableSubscriptionRegistry(tables);
        foreach (var (subscriptionId, mailboxId) in subscriptions)
        {
            await registry.SaveAsync(new MailboxSubscription(mailboxId, subscriptionId, DateTimeOffset.UtcNow.AddDays(1)), CancellationToken.None);
        }
        var queues = StorageClients.CreateQueueService(new ConfigurationBuilder()
            .AddInMemoryCollection([new(StorageClients.ConnectionName, azurite.ConnectionString)])
            .Build());
        var scanQueue = queues.GetQueueClient(WorkQueueNames.ScanRequests);
        await scanQueue.CreateIfNotExistsAsync();
        await scanQueue.ClearMessagesAsync();
        var intake = new NotificationIntake(
            new StorageWorkQueue(queues),
            new KnownSubscriptions(registry, TimeProvider.System),
            Options.Create(new TenantOptions { TenantId = tenantId, ClientState = clientState }),
            Options.Create(new IntakeOptions { MaxBodyBytes = 8 * 1024 }),
            telemetry,
            TimeProvider.System,
            NullLogger<NotificationIntake>.Instance);
        return (intake, scanQueue);
    }
}
