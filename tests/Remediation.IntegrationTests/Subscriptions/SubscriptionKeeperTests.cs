using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Remediation.Core.Subscriptions;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Subscriptions;

/// <summary>The timer stage against a simulated tenant of 1,000 mailboxes, with one clock for both sides.</summary>
public sealed class SubscriptionKeeperTests : IAsyncLifetime
{
    private const int MailboxCount = 1000;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, MailboxCount).Select(i => ($"user{i:D4}", $"User {i}"))],
        Clock = _clock,
        // Graph's own limit: 1,000 subscription writes per 20 s per app, so one run needs no pause.
        Settings = new Dictionary<string, string?> { ["Subscriptions:MaxWritesPerWindow"] = "1000" },
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private SubscriptionKeeper Keeper => _tenant.Host.Services.GetRequiredService<SubscriptionKeeper>();

    [Fact]
    public void StartAsync_OneKeeperRun_GivesEveryMailboxExactlyOneLiveSubscription()
    {
        var perMailbox = LiveSubscriptions().GroupBy(s => s.MailboxId).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(MailboxCount, perMailbox.Count);
        Assert.All(perMailbox.Values, count => Assert.Equal(1, count));
        Assert.All(LiveSubscriptions(), s => Assert.Null(s.FolderId));
    }

    [Fact]
    public async Task RunAsync_AgainBeforeRenewalIsDue_ChangesNothing()
    {
        var report = await Keeper.RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(0, 0, 0, MailboxCount, 0), report);
    }

    [Fact]
    public async Task RunAsync_CloseToExpiry_RenewsEverySubscriptionInPlace()
    {
        var before = LiveSubscriptions().ToDictionary(s => s.Id, s => s.ExpirationDateTime);
        _clock.Advance(new SubscriptionOptions().Lifetime - TimeSpan.FromHours(23));

        var report = await Keeper.RunAsync(CancellationToken.None);

        Assert.Equal(MailboxCount, report.Renewed);
        var after = LiveSubscriptions();
        Assert.Equal(before.Keys.Order(), after.Select(s => s.Id).Order());
        Assert.All(after, s => Assert.True(s.ExpirationDateTime > before[s.Id], "expiry moved forward"));
    }

    [Fact]
    public async Task RunAsync_SubscriptionsDeletedInGraph_RecreatesThemAtRenewal()
    {
        var deleted = LiveSubscriptions().Take(25).ToList();
        foreach (var subscription in deleted)
        {
            await _tenant.Graph.Subscriptions[subscription.Id].DeleteAsync();
        }
        _clock.Advance(new SubscriptionOptions().Lifetime - TimeSpan.FromHours(23));

        var report = await Keeper.RunAsync(CancellationToken.None);

        Assert.Equal((25, MailboxCount - 25), (report.Recreated, report.Renewed));
        var live = LiveSubscriptions();
        Assert.Equal(MailboxCount, live.Count);
        Assert.All(deleted, gone => Assert.Single(live, s => s.MailboxId == gone.MailboxId && s.Id != gone.Id));
    }

    private List<TenantSimulator.SimulatedSubscription> LiveSubscriptions() =>
        [.. _tenant.Simulator.Tenant.Subscriptions.Where(s => !s.IsExpiredAt(_clock.GetUtcNow()))];
}
