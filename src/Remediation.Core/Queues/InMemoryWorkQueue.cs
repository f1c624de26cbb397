using System.Collections.Concurrent;

namespace Remediation.Core.Queues;

/// <summary>
/// The work queues of one process: the twin of the storage queues for tests of a stage's decisions. Messages are kept
/// as the JSON a queue trigger would read, so a work item that does not survive the trip fails here as it would there.
/// </summary>
public sealed class InMemoryWorkQueue : IWorkQueue
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _queues = new(StringComparer.Ordinal);

    public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Queue(queueName).Enqueue(WorkItemJson.Serialize(message));
        return Task.CompletedTask;
    }

    public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) => Task.FromResult(Queue(queueName).Count);

    /// <summary>Takes every message waiting in the queue, oldest first, as the stage reading it would.</summary>
    public IReadOnlyList<T> Drain<T>(string queueName)
    {
        List<T> drained = [];
        while (Queue(queueName).TryDequeue(out var json)) drained.Add(WorkItemJson.Deserialize<T>(json));
        return drained;
    }

    private ConcurrentQueue<string> Queue(string name) => _queues.GetOrAdd(name, _ => new ConcurrentQueue<string>());
}
