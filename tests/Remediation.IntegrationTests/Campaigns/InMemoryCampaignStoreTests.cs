using Remediation.Core.Campaigns;

namespace Remediation.IntegrationTests.Campaigns;

public sealed class InMemoryCampaignStoreTests : CampaignStoreContract
{
    private readonly InMemoryCampaignStore _store = new();

    protected override ICampaignStore Store => _store;

    protected override Task<(string Actor, DateTimeOffset At)?> StatusSetByAsync(string campaignId, CampaignStatus status) =>
        Task.FromResult(_store.StatusSetBy(campaignId, status));
}
