using System.Diagnostics;
using Remediation.Core.Queues;
using Remediation.Core.Subscriptions;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Tests.Subscriptions;

/// <summary>The keeper's decisions, on the twins: create, leave, renew or recreate; which mailboxes; how fast.</summary>
public sealed class SubscriptionKeeperTests
{
    private readonly SubscriptionStages _stages = new();

    private DateTimeOffset Now => _stages.Clock.GetUtcNow();

    private TimeSpan Lifetime => _stages.Options.Lifetime;

    [Fact]
    public async Task RunAsync_MailboxWithoutSubscription_CreatesOneWithTheKeyedUrlsTheClientStateAndTheLifetime()
    {
        var mailbox = _stages.AddMailbox();

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(Created: 1, Renewed: 0, Recreated: 0, Unchanged: 0, Failed: 0, Skipped: 0), report);
        var live = Assert.Single(_stages.Graph.LiveSubscriptions);
        Assert.Equal(new GraphSubscription(live.Id, mailbox,
            "https://remediation.contoso.example/api/notifications?code=key%2F1",
            "https://remediation.contoso.example/api/lifecycle?source=graph&code=key%2F1",
            SubscriptionStages.ClientState, Now + Lifetime), live);
        Assert.Equal([new MailboxSubscription(mailbox, live.Id, Now + Lifetime)], await _stages.RegisteredAsync());
        AssertMaintained((mailbox, KeeperOutcome.Created));
        Assert.Empty(_stages.QueuedEvents());
        Assert.Empty(_stages.Telemetry.Events(PipelineEvents.MailboxesSkipped));
        Assert.Empty(_stages.Telemetry.Events(PipelineEvents.SubscriptionRenewalFailed));
    }

    [Fact]
    public async Task RunAsync_NoFunctionKey_GivesTheUrlsAsConfigured()
    {
        _stages.Options.FunctionKey = null;
        _stages.AddMailbox();

        await _stages.Keeper().RunAsync(CancellationToken.None);

        var live = Assert.Single(_stages.Graph.LiveSubscriptions);
        Assert.Equal((SubscriptionStages.NotificationUrl, SubscriptionStages.LifecycleNotificationUrl), (live.NotificationUrl, live.LifecycleNotificationUrl));
    }

    [Fact]
    public async Task RunAsync_MoreThanRenewBeforeLeft_LeavesTheSubscriptionAlone()
    {
        var subscription = await _stages.SubscribedAsync();
        _stages.Clock.Advance(Lifetime - _stages.Options.RenewBefore - TimeSpan.FromTicks(1));

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(0, 0, 0, Unchanged: 1, 0), report);
        Assert.Equal([subscription], await _stages.RegisteredAsync());
        Assert.Equal(subscription.ExpiresAt, Assert.Single(_stages.Graph.LiveSubscriptions).ExpiresAt);
        Assert.Empty(_stages.Telemetry.Events(PipelineEvents.SubscriptionMaintained));
    }

    [Fact]
    public async Task RunAsync_RenewBeforeLeftExactly_RenewsInPlaceForAFullLifetime()
    {
        var subscription = await _stages.SubscribedAsync();
        _stages.Clock.Advance(Lifetime - _stages.Options.RenewBefore);

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(0, Renewed: 1, 0, 0, 0), report);
        Assert.Equal([subscription with { ExpiresAt = Now + Lifetime }], await _stages.RegisteredAsync());
        var live = Assert.Single(_stages.Graph.LiveSubscriptions);
        Assert.Equal((subscription.SubscriptionId, Now + Lifetime), (live.Id, live.ExpiresAt));
        AssertMaintained((subscription.MailboxId, KeeperOutcome.Renewed));
        Assert.Empty(_stages.QueuedEvents());
    }

    [Fact]
    public async Task RunAsync_RenewBeforeConfigured_RenewsFromThatMarginOn()
    {
        _stages.Options.RenewBefore = TimeSpan.FromDays(3);
        var subscription = await _stages.SubscribedAsync();
        _stages.Clock.Advance(Lifetime - TimeSpan.FromDays(2.5));

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Renewed);
        Assert.Equal(Now + Lifetime, (await _stages.Registry.FindByMailboxAsync(subscription.MailboxId, CancellationToken.None))?.ExpiresAt);
    }

    [Fact]
    public async Task RunAsync_SubscriptionGraphRemoved_RecreatesItAndQueuesAResync()
    {
        var subscription = await _stages.SubscribedAsync();
        Assert.True(_stages.Graph.RemoveSubscription(subscription.SubscriptionId));
        _stages.Clock.Advance(Lifetime - TimeSpan.FromHours(1));

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(0, 0, Recreated: 1, 0, 0), report);
        var live = Assert.Single(_stages.Graph.LiveSubscriptions);
        Assert.NotEqual(subscription.SubscriptionId, live.Id);
        Assert.Equal([new MailboxSubscription(subscription.MailboxId, live.Id, Now + Lifetime)], await _stages.RegisteredAsync());
        Assert.Equal([new SubscriptionEvent(subscription.MailboxId, null, SubscriptionEventKind.Resync)], _stages.QueuedEvents());
        AssertMaintained((subscription.MailboxId, KeeperOutcome.Recreated));
    }

    [Fact]
    public async Task RunAsync_SubscriptionExpiredWhileNoRunCame_RecreatesItAndQueuesAResync()
    {
        var subscription = await _stages.SubscribedAsync();
        _stages.Clock.Advance(Lifetime + TimeSpan.FromHours(1));

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Recreated);
        Assert.NotEqual(subscription.SubscriptionId, (await _stages.Registry.FindByMailboxAsync(subscription.MailboxId, CancellationToken.None))?.SubscriptionId);
        Assert.Equal([new SubscriptionEvent(subscription.MailboxId, null, SubscriptionEventKind.Resync)], _stages.QueuedEvents());
    }

    [Fact]
    public async Task RunAsync_NoMailboxesConfigured_KeepsEveryUserGraphLists()
    {
        var due = await _stages.SubscribedAsync();
        _stages.Clock.Advance(Lifetime - TimeSpan.FromHours(2));
        var fresh = await _stages.SubscribedAsync();
        var created = new[] { _stages.AddMailbox(), _stages.AddMailbox() };

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(Created: 2, Renewed: 1, Recreated: 0, Unchanged: 1, Failed: 0), report);
        Assert.Equal(
            new[] { due.MailboxId, fresh.MailboxId, created[0], created[1] }.Order(StringComparer.Ordinal),
            (await _stages.RegisteredAsync()).Select(s => s.MailboxId));
        Assert.Equal(4, _stages.Graph.LiveSubscriptions.Count);
    }

    [Fact]
    public async Task RunAsync_MailboxesInScope_KeepsThoseAndNoOtherUser()
    {
        var inScope = _stages.AddMailbox();
        var byName = _stages.AddMailbox("adele.vance@contoso.example");
        var outOfScope = _stages.AddMailbox();
        _stages.Options.Mailboxes = [inScope, "Adele.Vance@contoso.example"];

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(Created: 2, 0, 0, 0, 0), report);
        Assert.Equal(new[] { inScope, byName }.Order(StringComparer.Ordinal), (await _stages.RegisteredAsync()).Select(s => s.MailboxId));
        Assert.DoesNotContain(_stages.Graph.LiveSubscriptions, s => s.MailboxId == outOfScope);
        Assert.Empty(_stages.QueuedEvents());
    }

    [Fact]
    public async Task RunAsync_NameInScopeThatAnEarlierVersionRegistered_RegistersTheObjectIdAndQueuesAResync()
    {
        var adele = _stages.AddMailbox("adele.vance@contoso.example");
        var earlier = new MailboxSubscription("adele.vance@contoso.example", "subscription-under-the-name", Now + TimeSpan.FromDays(2));
        await _stages.Registry.SaveAsync(earlier, CancellationToken.None);
        _stages.Options.Mailboxes = ["adele.vance@contoso.example"];

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Created);
        var registered = await _stages.Registry.FindByMailboxAsync(adele, CancellationToken.None);
        Assert.Equal(Assert.Single(_stages.Graph.LiveSubscriptions).Id, registered?.SubscriptionId);
        Assert.Equal([new SubscriptionEvent(adele, null, SubscriptionEventKind.Resync)], _stages.QueuedEvents());
        AssertMaintained((adele, KeeperOutcome.Created));
    }

    [Fact]
    public async Task RunAsync_NameInScopeNoUserHas_FailsThatMailboxWithTheReason()
    {
        var known = _stages.AddMailbox();
        _stages.Options.Mailboxes = ["nobody@contoso.example", known];

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(Created: 1, 0, 0, 0, Failed: 1), report);
        var failed = Assert.Single(_stages.Telemetry.Events(PipelineEvents.SubscriptionRenewalFailed));
        Assert.Equal(new Dictionary<string, string>
        {
            ["MailboxId"] = "nobody@contoso.example",
            ["Reason"] = "No user nobody@contoso.example in the tenant (Subscriptions:Mailboxes).",
        }, failed);
        Assert.Null(await _stages.Registry.FindByMailboxAsync("nobody@contoso.example", CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_UsersWithoutAReachableMailbox_AreSkippedAndCountedInOneEvent()
    {
        var member = _stages.AddMailbox();
        var guest = _stages.Graph.AddMailbox(reachable: false);
        var unlicensed = _stages.Graph.AddMailbox(reachable: false);

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(Created: 1, 0, 0, 0, Failed: 0, Skipped: 2), report);
        var skipped = Assert.Single(_stages.Telemetry.Events(PipelineEvents.MailboxesSkipped));
        Assert.Equal(new Dictionary<string, string> { ["Count"] = "2" }, skipped);
        Assert.Empty(_stages.Telemetry.Events(PipelineEvents.SubscriptionRenewalFailed));
        Assert.Equal([member], (await _stages.RegisteredAsync()).Select(s => s.MailboxId));
        AssertMaintained((member, KeeperOutcome.Created));
        Assert.DoesNotContain(_stages.Graph.LiveSubscriptions, s => s.MailboxId == guest || s.MailboxId == unlicensed);
    }

    [Fact]
    public async Task RunAsync_RenewalFails_CountsItEmitsTheReasonAndLeavesTheRow()
    {
        var failing = await _stages.SubscribedAsync();
        var healthy = await _stages.SubscribedAsync();
        _stages.Graph.FailWritesFor(failing.MailboxId, new HttpRequestException("Graph answered 429 past every retry"));
        _stages.Clock.Advance(Lifetime - TimeSpan.FromHours(3));

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(0, Renewed: 1, 0, 0, Failed: 1), report);
        var failed = Assert.Single(_stages.Telemetry.Events(PipelineEvents.SubscriptionRenewalFailed));
        Assert.Equal(new Dictionary<string, string> { ["MailboxId"] = failing.MailboxId, ["Reason"] = "Graph answered 429 past every retry" }, failed);
        Assert.Equal(failing, await _stages.Registry.FindByMailboxAsync(failing.MailboxId, CancellationToken.None));
        Assert.Equal(Now + Lifetime, (await _stages.Registry.FindByMailboxAsync(healthy.MailboxId, CancellationToken.None))?.ExpiresAt);
        AssertMaintained((healthy.MailboxId, KeeperOutcome.Renewed));
        Assert.Empty(_stages.Telemetry.Events(PipelineEvents.MailboxesSkipped));
    }

    [Fact]
    public async Task RunAsync_CreationFails_RegistersNothingAndEmitsTheReason()
    {
        var mailbox = _stages.AddMailbox();
        _stages.Graph.FailWritesFor(mailbox, new TimeoutException("Graph did not answer"));

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(0, 0, 0, 0, Failed: 1), report);
        Assert.Empty(await _stages.RegisteredAsync());
        Assert.Equal("Graph did not answer", Assert.Single(_stages.Telemetry.Events(PipelineEvents.SubscriptionRenewalFailed))["Reason"]);
        Assert.Empty(_stages.Telemetry.Events(PipelineEvents.SubscriptionMaintained));
    }

    [Fact]
    public async Task RunAsync_LifetimeGraphRefuses_FailsEveryCreation()
    {
        _stages.Options.Lifetime = InMemorySubscriptionGateway.MaxLifetime + TimeSpan.FromMinutes(1);
        _stages.AddMailbox();
        _stages.AddMailbox();

        var report = await _stages.Keeper().RunAsync(CancellationToken.None);

        Assert.Equal(new KeeperReport(0, 0, 0, 0, Failed: 2), report);
        Assert.Equal(2, _stages.Telemetry.Events(PipelineEvents.SubscriptionRenewalFailed).Count);
    }

    [Fact]
    public async Task RunAsync_MoreWritesThanOneWindowAllows_SpreadsThemOverTheWindows()
    {
        _stages.Options.MaxWritesPerWindow = 1;
        _stages.Options.WriteWindow = TimeSpan.FromMilliseconds(300);
        for (var i = 0; i < 3; i++) _stages.AddMailbox();
        var keeper = _stages.Keeper();

        var elapsed = Stopwatch.StartNew();
        var report = await keeper.RunAsync(CancellationToken.None);
        elapsed.Stop();

        Assert.Equal(3, report.Created);
        // One write in the first window, one in each of the next two.
        Assert.True(elapsed.Elapsed >= TimeSpan.FromMilliseconds(550), $"three writes took {elapsed.Elapsed}");
    }

    [Fact]
    public async Task RunAsync_UnchangedMailboxes_TakeNoWritePermit()
    {
        _stages.Options.MaxWritesPerWindow = 1;
        _stages.Options.WriteWindow = TimeSpan.FromMinutes(5);
        for (var i = 0; i < 4; i++) await _stages.SubscribedAsync();
        _stages.AddMailbox();

        var elapsed = Stopwatch.StartNew();
        var report = await _stages.Keeper().RunAsync(CancellationToken.None);
        elapsed.Stop();

        Assert.Equal(new KeeperReport(Created: 1, 0, 0, Unchanged: 4, 0), report);
        Assert.True(elapsed.Elapsed < TimeSpan.FromMinutes(1), $"the run waited {elapsed.Elapsed} for a permit");
    }

    [Fact]
    public async Task RecreateAsync_RegisteredMailbox_ReplacesTheRowAndQueuesAResync()
    {
        var subscription = await _stages.SubscribedAsync();

        await _stages.Keeper().RecreateAsync(subscription.MailboxId, CancellationToken.None);

        var registered = await _stages.Registry.FindByMailboxAsync(subscription.MailboxId, CancellationToken.None);
        Assert.NotNull(registered);
        Assert.NotEqual(subscription.SubscriptionId, registered.SubscriptionId);
        Assert.Equal(Now + Lifetime, registered.ExpiresAt);
        Assert.Equal([new SubscriptionEvent(subscription.MailboxId, null, SubscriptionEventKind.Resync)], _stages.QueuedEvents());
    }

    private void AssertMaintained(params (string MailboxId, KeeperOutcome Outcome)[] expected) =>
        Assert.Equal(
            expected.Select(e => (e.MailboxId, e.Outcome.ToString())).Order(),
            _stages.Telemetry.Events(PipelineEvents.SubscriptionMaintained).Select(e => (e["MailboxId"], e["Outcome"])).Order());
}
