using Remediation.Core.Subscriptions;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Subscriptions;

/// <summary>The subscription registry in Table storage (Azurite), where ids become escaped, case-sensitive keys.</summary>
public sealed class TableSubscriptionRegistryTests(AzuriteFixture azurite) : SubscriptionRegistryContract, IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ISubscriptionRegistry _registry = null!;

    protected override ISubscriptionRegistry Registry => _registry;

    public async Task InitializeAsync()
    {
        var tables = await azurite.ProvisionedTablesAsync();
        _registry = new TableSubscriptionRegistry(tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
