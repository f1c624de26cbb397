using Azure.Storage.Queues;
using Remediation.Core.Queues;

namespace Remediation.Infrastructure.Storage;

/// <summary>Creates the work queues and their poison queues where no template did (local runs, tests).</summary>
public static class WorkQueueProvisioner
{
    public static Task EnsureCreatedAsync(QueueServiceClient service, CancellationToken cancellationToken) =>
        Task.WhenAll(WorkQueueNames.All
            .SelectMany(name => new[] { name, WorkQueueNames.PoisonOf(name) })
            .Select(name => service.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
}
