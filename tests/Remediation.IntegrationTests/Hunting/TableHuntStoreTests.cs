using Remediation.Core.Hunting;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Hunting;

/// <summary>The hunt store in Table storage (Azurite), where a hunt is created by an insert and its progress merged into its row.</summary>
public sealed class TableHuntStoreTests(AzuriteFixture azurite) : HuntStoreContract, IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private IHuntStore _hunts = null!;

    protected override IHuntStore Hunts => _hunts;

    public async Task InitializeAsync()
    {
        var tables = await azurite.ProvisionedTablesAsync();
        _hunts = new TableHuntStore(tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
