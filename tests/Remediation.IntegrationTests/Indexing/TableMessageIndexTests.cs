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
        var tables = await azurite.ProvisionedTablesAsync();
        _index = new TableMessageIndex(tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
