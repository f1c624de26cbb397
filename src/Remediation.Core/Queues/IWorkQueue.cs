namespace Remediation.Core.Queues;

/// <summary>The work queues between stages (Azure Storage queues in production and in the local host).</summary>
public interface IWorkQueue
{
    Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken);
}
