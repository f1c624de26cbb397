using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Remediation.Core.Queues;

namespace Remediation.Infrastructure.Storage;

/// <summary>The work queues on Azure Storage, in the Base64 encoding the queue triggers read by default.</summary>
public sealed class StorageWorkQueue(QueueServiceClient service) : IWorkQueue
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new();

    public async Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        var queue = await _queues.GetOrAdd(queueName, name => new Lazy<Task<QueueClient>>(() => OpenAsync(name))).Value;
        await queue.SendMessageAsync(WorkItemJson.Serialize(message), cancellationToken);
    }

    private async Task<QueueClient> OpenAsync(string name)
    {
        var queue = service.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
