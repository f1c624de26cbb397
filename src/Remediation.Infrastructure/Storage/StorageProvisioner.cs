using Azure.Data.Tables;
using Azure.Storage.Queues;
using Remediation.Core.Queues;

namespace Remediation.Infrastructure.Storage;

/// <summary>Creates the queues (with their poison queues) and tables where no template did: local runs and tests.</summary>
public static class StorageProvisioner
{
    public static Task EnsureCreatedAsync(QueueServiceClient queues, TableServiceClient tables, CancellationToken cancellationToken) =>
        Task.WhenAll(WorkQueueNames.All
            .SelectMany(name => new[] { name, WorkQueueNames.PoisonOf(name) })
            .Select(name => (Task)queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken))
            .Concat(TableNames.All.Select(name => (Task)tables.CreateTableIfNotExistsAsync(name, cancellationToken))));
}
