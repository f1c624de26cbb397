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
