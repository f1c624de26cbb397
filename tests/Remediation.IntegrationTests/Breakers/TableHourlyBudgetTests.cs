using Remediation.Core.Breakers;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Breakers;

/// <summary>The hourly budget in Table storage (Azurite), where instances race through ETags.</summary>
public sealed class TableHourlyBudgetTests(AzuriteFixture azurite) : HourlyBudgetContract, IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private IHourlyBudget _budget = null!;

    protected override IHourlyBudget Budget => _budget;

    public async Task InitializeAsync()
    {
        var tables = await azurite.ProvisionedTablesAsync();
        _budget = new TableHourlyBudget(tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
