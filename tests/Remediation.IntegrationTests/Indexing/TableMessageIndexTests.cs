using Microsoft.Extensions.Configuration;
using Remediation.Core.Indexing;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Indexing;

/// <summary>The message index in Table storage (Azurite): a row per message in its campaign partition and in each hunt partition.</summary>
public sealed class TableMessageIndexTests(AzuriteFixture azurite) : MessageIndexContract, IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private IMessageIndex _index = null!;

    protected override IMessageIndex Index => _index;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(StorageClients.ConnectionName, azurite.ConnectionString)]).Build();
        var tables = StorageClients.CreateTableService(configuration);
        await StorageProvisioner.EnsureCreatedAsync(StorageClients.CreateQueueService(configuration), tables, CancellationToken.None);
        _index = new TableMessageIndex(tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
