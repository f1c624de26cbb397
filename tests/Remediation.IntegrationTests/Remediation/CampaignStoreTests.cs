using Microsoft.Extensions.Configuration;
using Remediation.Core.Campaigns;
using Remediation.Core.Queues;
using Remediation.Core.Scanning;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Infrastructure.Storage;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>The campaign store's dispatch marks on Table storage (Azurite).</summary>
public sealed class CampaignStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TableCampaignStore _sut = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(StorageClients.ConnectionName, azurite.ConnectionString)]).Build();
        var tables = StorageClients.CreateTableService(configuration);
        await StorageProvisioner.EnsureCreatedAsync(StorageClients.CreateQueueService(configuration), tables, CancellationToken.None);
        _sut = new TableCampaignStore(tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DispatchedAsync_ReturnsEveryMarkOfTheCampaignAndNothingElse()
    {
        var campaign = $"c-{Guid.NewGuid():N}";
        await _sut.GetOrAddAsync(Campaign(campaign), CancellationToken.None);
        // More marks than one page of a query holds (1,000), and ids with characters the keys must escape.
        List<DispatchedWork> marks =
        [
            DispatchedWork.Sweep,
            DispatchedWork.RecipientSearch("<a/b#c?d%e|f@sender.example>"),
            DispatchedWork.Copy("user|odd", "AAMk/abc+def=="),
            .. Enumerable.Range(0, 1_200).Select(i => DispatchedWork.Search($"user{i:D4}", "<m1@sender.example>")),
        ];
        await _sut.MarkDispatchedAsync(campaign, marks, CancellationToken.None);
        await _sut.MarkDispatchedAsync($"{campaign}-other", [DispatchedWork.Copy("user0001", "other")], CancellationToken.None);

        var dispatched = await _sut.DispatchedAsync(campaign, CancellationToken.None);

        Assert.Equal(marks.ToHashSet(), dispatched.ToHashSet());
    }

    [Fact]
    public async Task MarkDispatchedAsync_SenderChosenMessageIdsPastTheKeyLimit_AreStoredAndFound()
    {
        var campaign = $"c-{Guid.NewGuid():N}";
        await _sut.GetOrAddAsync(Campaign(campaign), CancellationToken.None);
        // Longer than the 1 KiB key limit once escaped, with characters keys refuse and a control character.
        var chosen = "<" + string.Concat(Enumerable.Repeat("#?/\\%\u0001", 120)) + "@sender.example>";
        List<DispatchedWork> marks = [DispatchedWork.RecipientSearch(chosen), DispatchedWork.Search("user0001", chosen)];

        await _sut.MarkDispatchedAsync(campaign, marks, CancellationToken.None);

        Assert.Equal(marks.ToHashSet(), (await _sut.DispatchedAsync(campaign, CancellationToken.None)).ToHashSet());
    }

    [Fact]
    public async Task DispatchedAsync_CampaignWithNoMarks_IsEmpty()
    {
        var campaign = $"c-{Guid.NewGuid():N}";
        await _sut.GetOrAddAsync(Campaign(campaign), CancellationToken.None);

        Assert.Empty(await _sut.DispatchedAsync(campaign, CancellationToken.None));
    }

    private static Campaign Campaign(string id) => new(id, ThreatCategory.Phishing, 12, ["RULE"], DateTimeOffset.UtcNow, CampaignStatus.Active,
        new MaliciousMessage(id, "user0000", "msg", "<m1@sender.example>", ThreatCategory.Phishing, 12, ["RULE"], DateTimeOffset.UtcNow));
}
