using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// Storage clients from the same setting the queue triggers use: a connection string in local runs, or the
/// identity-based <c>AzureWebJobsStorage__queueServiceUri</c> / <c>__tableServiceUri</c> in Azure (shared keys are off there).
/// </summary>
public static class StorageClients
{
    public const string ConnectionName = "AzureWebJobsStorage";

    public static QueueServiceClient CreateQueueService(IConfiguration configuration)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64, Transport = PooledTransport() };
        FailFast(options.Retry);
        var connectionString = configuration[ConnectionName];
        if (!string.IsNullOrEmpty(connectionString))
        {
            return new QueueServiceClient(connectionString, options);
        }
        var serviceUri = configuration[$"{ConnectionName}:queueServiceUri"]
            ?? throw new InvalidOperationException($"Set {ConnectionName} (a connection string) or {ConnectionName}__queueServiceUri.");
        return new QueueServiceClient(new Uri(serviceUri), new DefaultAzureCredential(), options);
    }

    public static TableServiceClient CreateTableService(IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionName];
        var options = new TableClientOptions { Transport = PooledTransport() };
        FailFast(options.Retry);
        if (!string.IsNullOrEmpty(connectionString))
        {
            return new TableServiceClient(connectionString, options);
        }
        var serviceUri = configuration[$"{ConnectionName}:tableServiceUri"]
            ?? throw new InvalidOperationException($"Set {ConnectionName} (a connection string) or {ConnectionName}__tableServiceUri.");
        return new TableServiceClient(new Uri(serviceUri), new DefaultAzureCredential(), options);
    }

    // One instance runs at most a few dozen queue messages at once, and each makes one storage call at a time: 64
    // connections serve them. A burst of webhook writes then waits for a connection instead of opening hundreds of
    // sockets; the storage emulator, which serves them all on one thread, then passes a few percent more writes.
    private static HttpClientTransport PooledTransport() =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });

    // The webhook must answer Graph within seconds: when storage is down it answers 5xx quickly and Graph delivers
    // again; queue stages retry whole messages anyway.
    private static void FailFast(Azure.Core.RetryOptions retry)
    {
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(100);
        retry.MaxDelay = TimeSpan.FromSeconds(1);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
