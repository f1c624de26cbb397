using Azure.Data.Tables;
using Remediation.Core.Campaigns;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Campaigns;

/// <summary>The campaign store in Table storage (Azurite): one row per campaign, one per dispatch mark, instances racing through ETags.</summary>
public sealed class TableCampaignStoreTests(AzuriteFixture azurite) : CampaignStoreContract, IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ICampaignStore _store = null!;
    private TableClient _table = null!;

    protected override ICampaignStore Store => _store;

    // The store keeps who set a status in columns of the campaign's row (ApprovedBy, ApprovedAt) that no port reads.
    protected override async Task<(string Actor, DateTimeOffset At)?> StatusSetByAsync(string campaignId, CampaignStatus status)
    {
        var row = (await _table.GetEntityAsync<TableEntity>(campaignId, "campaign")).Value;
        return row.GetString($"{status}By") is { } actor ? (actor, row.GetDateTimeOffset($"{status}At")!.Value) : null;
    }

    [Fact]
    public async Task ExtendReachAsync_CampaignStoredBeforeItsReachWas_CountsItFromItsMarks()
    {
        var campaignId = Guid.NewGuid().ToString("N");
        await _table.AddEntityAsync(new TableEntity(campaignId, "campaign") { ["Status"] = nameof(CampaignStatus.Active) });
        await _store.MarkDispatchedAsync(campaignId,
            [DispatchedWork.Sweep, DispatchedWork.Copy("user0001", "m1"), DispatchedWork.Search("user0001", "<m1@sender.example>"), DispatchedWork.Copy("USER0002", "m2"), DispatchedWork.Copy("user0002", "m3")],
            CancellationToken.None);

        Assert.Equal(3, await _store.ExtendReachAsync(campaignId, ["user0003"], 10, CancellationToken.None));
        Assert.Equal(4, await _store.ExtendReachAsync(campaignId, ["user0004"], 10, CancellationToken.None));
    }

    public async Task InitializeAsync()
    {
        var tables = await azurite.ProvisionedTablesAsync();
        _store = new TableCampaignStore(tables);
        _table = tables.GetTableClient(TableNames.Campaigns);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
