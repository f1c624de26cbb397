namespace Remediation.Core.Queues;

/// <summary>The work queues between stages (Azure Storage queues in production and in the local host).</summary>
public interface IWorkQueue
{
    Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken);

    /// <summary>Queues the message out of sight until <paramref name="visibleAfter"/> has passed: work to try again later.</summary>
    Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken);

    /// <summary>About how many messages wait in the queue (the storage service's own approximate count).</summary>
    Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken);
}
