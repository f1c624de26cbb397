using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Remediation.Core;
using Remediation.Core.Intake;
using Remediation.Core.Queues;
using Remediation.Infrastructure.Storage;

namespace Remediation.IntegrationTests.Fixtures;

/// <summary>The webhook stage writing to a real, emptied scan-requests queue on Azurite.</summary>
internal static class IntakeOnAzurite
{
    public static async Task<(NotificationIntake Intake, QueueClient ScanQueue)> CreateAsync(
        AzuriteFixture azurite, string tenantId, string clientState, RecordingTelemetry telemetry)
    {
        var queues = StorageClients.CreateQueueService(new ConfigurationBuilder()
            .AddInMemoryCollection([new(StorageClients.ConnectionName, azurite.ConnectionString)])
            .Build());
        var scanQueue = queues.GetQueueClient(WorkQueueNames.ScanRequests);
        await scanQueue.CreateIfNotExistsAsync();
        await scanQueue.ClearMessagesAsync();
        var intake = new NotificationIntake(
            new StorageWorkQueue(queues),
            Options.Create(new TenantOptions { TenantId = tenantId, ClientState = clientState }),
            Options.Create(new IntakeOptions { MaxBodyBytes = 8 * 1024 }),
            telemetry,
            TimeProvider.System,
            NullLogger<NotificationIntake>.Instance);
        return (intake, scanQueue);
    }
}
