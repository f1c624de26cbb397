using Remediation.Core.Queues;
using Remediation.Core.Subscriptions;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Tests.Subscriptions;

/// <summary>The reconciliation's decisions, on the twins: which registered mailboxes, what is counted, what a failure does.</summary>
public sealed class MailboxReconciliationTests
{
    private readonly SubscriptionStages _stages = new();

    private DateTimeOffset Now => _stages.Clock.GetUtcNow();

    [Fact]
    public async Task RunAsync_LiveMailboxes_ResyncsEachAndCountsMailboxesFoldersAndQueuedMessages()
    {
        var adele = await _stages.SubscribedAsync();
        var bob = await _stages.SubscribedAsync();
        var projects = _stages.Graph.AddFolder(bob.MailboxId, "Projects");
        var unscanned = _stages.Graph.AddMessage(adele.MailboxId, receivedAt: Now - TimeSpan.FromHours(1));
        await _stages.ScannedAsync(adele.MailboxId, _stages.Graph.AddMessage(adele.MailboxId, receivedAt: Now - TimeSpan.FromHours(2)));
        var nested = _stages.Graph.AddMessage(bob.MailboxId, _stages.Graph.AddFolder(bob.MailboxId, "2026", projects), Now - TimeSpan.FromDays(1));

        var report = await _stages.Reconciliation().RunAsync(CancellationToken.None);

        Assert.Equal(new ReconciliationReport(Mailboxes: 2, Folders: 7 + 9, Queued: 2, Failed: 0), report);
        Assert.Equal(
            new[] { new ScanRequest(adele.MailboxId, unscanned, null, Now), new ScanRequest(bob.MailboxId, nested, null, Now) }.OrderBy(s => s.MessageId, StringComparer.Ordinal),
            _stages.QueuedScans().OrderBy(s => s.MessageId, StringComparer.Ordinal));
        var reconciled = Assert.Single(_stages.Telemetry.Events(PipelineEvents.MailboxesReconciled));
        Assert.Equal(new Dictionary<string, string> { ["Mailboxes"] = "2", ["Folders"] = "16", ["Messages"] = "2", ["Failed"] = "0" }, reconciled);
        Assert.Equal(2, _stages.Telemetry.Events(PipelineEvents.MailboxResynced).Count);
    }

    [Fact]
    public async Task RunAsync_Again_QueuesOnlyWhatArrivedSinceTheLastRun()
    {
        var subscription = await _stages.SubscribedAsync();
        _stages.Graph.AddMessage(subscription.MailboxId, receivedAt: Now - TimeSpan.FromHours(1));
        await _stages.Reconciliation().RunAsync(CancellationToken.None);
        _stages.QueuedScans();
        _stages.Clock.Advance(TimeSpan.FromHours(6));
        var arrived = _stages.Graph.AddMessage(subscription.MailboxId, WellKnownJunk(subscription.MailboxId), Now - TimeSpan.FromMinutes(10));

        var report = await _stages.Reconciliation().RunAsync(CancellationToken.None);

        Assert.Equal(new ReconciliationReport(1, 7, Queued: 1, 0), report);
        Assert.Equal([new ScanRequest(subscription.MailboxId, arrived, null, Now)], _stages.QueuedScans());
    }

    [Fact]
    public async Task RunAsync_ExpiredOrNameKeyedRows_AreLeftOutAndNotCounted()
    {
        var live = await _stages.SubscribedAsync();
        var lapsed = _stages.AddMailbox();
        _stages.Graph.AddMessage(lapsed, receivedAt: Now - TimeSpan.FromHours(1));
        await _stages.Registry.SaveAsync(new MailboxSubscription(lapsed, "lapsed-subscription", Now), CancellationToken.None);
        await _stages.Registry.SaveAsync(new MailboxSubscription("adele.vance@contoso.example", "named-subscription", Now + TimeSpan.FromDays(3)), CancellationToken.None);

        var report = await _stages.Reconciliation().RunAsync(CancellationToken.None);

        Assert.Equal(new ReconciliationReport(Mailboxes: 1, Folders: 7, Queued: 0, Failed: 0), report);
        Assert.Empty(_stages.QueuedScans());
        Assert.Equal(live.MailboxId, Assert.Single(_stages.Telemetry.Events(PipelineEvents.MailboxResynced))["MailboxId"]);
    }

    [Fact]
    public async Task RunAsync_OneMailboxFails_CountsItAndResyncsTheOthers()
    {
        var healthy = await _stages.SubscribedAsync();
        var message = _stages.Graph.AddMessage(healthy.MailboxId, receivedAt: Now);
        // Registered, but the app may no longer reach its mailbox.
        var unreachable = _stages.Graph.AddMailbox(reachable: false);
        await _stages.Registry.SaveAsync(new MailboxSubscription(unreachable, "subscription-of-a-lost-mailbox", Now + TimeSpan.FromDays(1)), CancellationToken.None);

        var report = await _stages.Reconciliation().RunAsync(CancellationToken.None);

        Assert.Equal(new ReconciliationReport(Mailboxes: 1, Folders: 7, Queued: 1, Failed: 1), report);
        Assert.Equal([message], _stages.QueuedScans().Select(s => s.MessageId));
        Assert.Equal(new Dictionary<string, string> { ["Mailboxes"] = "1", ["Folders"] = "7", ["Messages"] = "1", ["Failed"] = "1" },
            Assert.Single(_stages.Telemetry.Events(PipelineEvents.MailboxesReconciled)));
    }

    [Fact]
    public async Task RunAsync_NothingRegistered_ReportsZeros()
    {
        var report = await _stages.Reconciliation().RunAsync(CancellationToken.None);

        Assert.Equal(new ReconciliationReport(0, 0, 0, 0), report);
        Assert.Equal(new Dictionary<string, string> { ["Mailboxes"] = "0", ["Folders"] = "0", ["Messages"] = "0", ["Failed"] = "0" },
            Assert.Single(_stages.Telemetry.Events(PipelineEvents.MailboxesReconciled)));
    }

    [Fact]
    public async Task RunAsync_OneAtATime_ResyncsEveryMailbox()
    {
        _stages.Options.Concurrency = 1;
        var mailboxes = new List<string>();
        for (var i = 0; i < 5; i++) mailboxes.Add((await _stages.SubscribedAsync()).MailboxId);
        var messages = mailboxes.Select(m => _stages.Graph.AddMessage(m, receivedAt: Now)).ToList();

        var report = await _stages.Reconciliation().RunAsync(CancellationToken.None);

        Assert.Equal(new ReconciliationReport(5, 35, 5, 0), report);
        Assert.Equal(messages.Order(StringComparer.Ordinal), _stages.QueuedScans().Select(s => s.MessageId).Order(StringComparer.Ordinal));
    }

    private string WellKnownJunk(string mailboxId) => _stages.Graph.FolderId(mailboxId, Mailboxes.WellKnownFolders.JunkEmail);
}
