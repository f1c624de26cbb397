using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Remediation.Core.Queues;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Queues;

/// <summary>The work queues on Storage queues (Azurite), read back in the Base64 encoding the queue triggers use.</summary>
public sealed class StorageWorkQueueTests(AzuriteFixture azurite) : WorkQueueContract, IClassFixture<AzuriteFixture>
{
    private QueueServiceClient? _service;
    private IWorkQueue? _queue;

    private QueueServiceClient Service => _service ??= StorageClients.CreateQueueService(
        new ConfigurationBuilder().AddInMemoryCollection([new(StorageClients.ConnectionName, azurite.ConnectionString)]).Build());

    protected override IWorkQueue Queue => _queue ??= new StorageWorkQueue(Service);

    [Fact]
    public async Task EnqueueForLater_ComesIntoSightAfterItsDelay()
    {
        var queueName = $"later-{Guid.NewGuid():N}";
        var request = new ScanRequest("mailbox-1", "msg-1", null, DateTimeOffset.UnixEpoch);

        await Queue.EnqueueAsync(queueName, request, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.Empty(await ReceiveAllAsync<ScanRequest>(queueName));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<ScanRequest> received = [];
        while (received.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            received = await ReceiveAllAsync<ScanRequest>(queueName);
        }
        Assert.Equal([request], received);
    }

    protected override async Task<IReadOnlyList<T>> ReceiveAllAsync<T>(string queueName)
    {
        var queue = Service.GetQueueClient(queueName);
        List<T> received = [];
        while (true)
        {
            var page = (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value;
            if (page.Length == 0) return received;
            foreach (var message in page)
            {
                received.Add(WorkItemJson.Deserialize<T>(message.Body.ToString()));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }
}
