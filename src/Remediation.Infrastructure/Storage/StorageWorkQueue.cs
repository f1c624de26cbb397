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

    public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
        SendAsync(queueName, message, visibleAfter: null, cancellationToken);

    public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken) =>
        SendAsync(queueName, message, visibleAfter, cancellationToken);

    private async Task SendAsync<T>(string queueName, T message, TimeSpan? visibleAfter, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(queueName, cancellationToken);
        await queue.SendMessageAsync(WorkItemJson.Serialize(message), visibleAfter, QueueMessageLifetime.Forever, cancellationToken);
    }

    public async Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(queueName, cancellationToken);
        return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
    }

    // A queue is created once per process. An attempt that fails (storage away at a cold start) forgets itself, so
    // the next call tries again instead of failing until the instance restarts; it does so even when every caller
    // waiting on it gave up first, as a webhook with a budget of its own does.
    private Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken) =>
        _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(() => OpenAsync(n))).Value.WaitAsync(cancellationToken);

    // Not bound to one caller's cancellation: a webhook giving up must not fail the creation others wait on.
    private async Task<QueueClient> OpenAsync(string name)
    {
        try
        {
            var queue = service.GetQueueClient(name);
            await queue.CreateIfNotExistsAsync();
            return queue;
        }
        catch (Exception)
        {
            _queues.TryRemove(name, out _);
            throw;
        }
    }
}
