using System.Collections.Concurrent;

namespace Remediation.Core.Queues;

/// <summary>
/// The work queues of one process: the twin of the storage queues for tests of a stage's decisions. Messages are kept
/// as the JSON a queue trigger would read, so a work item that does not survive the trip fails here as it would there.
/// The twin keeps no time: a message queued for later waits apart, counted but out of sight, until a test takes it.
/// </summary>
public sealed class InMemoryWorkQueue : IWorkQueue
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Json, TimeSpan VisibleAfter)>> _later = new(StringComparer.Ordinal);

    public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Queue(queueName).Enqueue(WorkItemJson.Serialize(message));
        return Task.CompletedTask;
    }

    public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Later(queueName).Enqueue((WorkItemJson.Serialize(message), visibleAfter));
        return Task.CompletedTask;
    }

    public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) =>
        Task.FromResult(Queue(queueName).Count + Later(queueName).Count);

    /// <summary>Takes every message waiting in sight in the queue, oldest first, as the stage reading it would.</summary>
    public IReadOnlyList<T> Drain<T>(string queueName)
    {
        List<T> drained = [];
        while (Queue(queueName).TryDequeue(out var json)) drained.Add(WorkItemJson.Deserialize<T>(json));
        return drained;
    }

    /// <summary>Takes every message queued for later, oldest first, with how long it was to stay out of sight.</summary>
    public IReadOnlyList<(T Message, TimeSpan VisibleAfter)> DrainLater<T>(string queueName)
    {
        List<(T, TimeSpan)> drained = [];
        while (Later(queueName).TryDequeue(out var queued)) drained.Add((WorkItemJson.Deserialize<T>(queued.Json), queued.VisibleAfter));
        return drained;
    }

    private ConcurrentQueue<string> Queue(string name) => _queues.GetOrAdd(name, _ => new());

    private ConcurrentQueue<(string Json, TimeSpan VisibleAfter)> Later(string name) => _later.GetOrAdd(name, _ => new());
}
