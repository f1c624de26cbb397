using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Remediation.Infrastructure.Storage;
using Remediation.LocalHost;

namespace Remediation.IntegrationTests.Fixtures;

/// <summary>A fresh in-memory Azurite on free ports for one test class; stopped when the class is done.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    /// <summary>The Table service with every table and queue the pipeline uses created, through the production clients.</summary>
    public async Task<TableServiceClient> ProvisionedTablesAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(StorageClients.ConnectionName, ConnectionString)]).Build();
        var tables = StorageClients.CreateTableService(configuration);
        await StorageProvisioner.EnsureCreatedAsync(StorageClients.CreateQueueService(configuration), tables, CancellationToken.None);
        return tables;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
