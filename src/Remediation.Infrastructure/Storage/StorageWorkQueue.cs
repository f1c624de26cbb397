using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Remediation.Core.Queues;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// The work queues on Azure Storage, in the Base64 encoding the queue triggers read by default; work items never
/// expire (<see cref="QueueMessageLifetime"/>).
/// </summary>
public sealed class StorageWorkQueue(QueueServiceClient service) : IWorkQueue
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new();

    public async Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(queueName);
        await queue.SendMessageAsync(WorkItemJson.Serialize(message), visibilityTimeout: null, timeToLive: QueueMessageLifetime.Forever, cancellationToken);
    }

    public async Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(queueName);
        return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
    }

    private Task<QueueClient> QueueAsync(string name) => _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(() => OpenAsync(n))).Value;

    private async Task<QueueClient> OpenAsync(string name)
    {
        var queue = service.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
