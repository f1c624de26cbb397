using Remediation.Core.Queues;
using Remediation.Core.Subscriptions;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Tests.Subscriptions;

/// <summary>The lifecycle stage's decisions, on the twins: reauthorize, recreate or resync, and for which mailbox.</summary>
public sealed class SubscriptionEventHandlerTests
{
    private readonly SubscriptionStages _stages = new();

    private DateTimeOffset Now => _stages.Clock.GetUtcNow();

    [Fact]
    public async Task Handle_ReauthorizationRequired_ReauthorizesAndKeepsTheSubscription()
    {
        var subscription = await _stages.SubscribedAsync();

        await _stages.Handler().HandleAsync(new SubscriptionEvent(null, subscription.SubscriptionId, SubscriptionEventKind.ReauthorizationRequired), CancellationToken.None);

        Assert.Equal([subscription.SubscriptionId], _stages.Graph.Reauthorized);
        Assert.Equal([subscription], await _stages.RegisteredAsync());
        Assert.Equal([subscription.SubscriptionId], _stages.Graph.LiveSubscriptions.Select(s => s.Id));
        Assert.Empty(_stages.QueuedEvents());
    }

    [Fact]
    public async Task Handle_ReauthorizationRequiredForASubscriptionGraphForgot_RecreatesItAndQueuesAResync()
    {
        var subscription = await _stages.SubscribedAsync();
        _stages.Graph.RemoveSubscription(subscription.SubscriptionId);

        await _stages.Handler().HandleAsync(new SubscriptionEvent(null, subscription.SubscriptionId, SubscriptionEventKind.ReauthorizationRequired), CancellationToken.None);

        Assert.Empty(_stages.Graph.Reauthorized);
        var live = Assert.Single(_stages.Graph.LiveSubscriptions);
        Assert.Equal(subscription.MailboxId, live.MailboxId);
        Assert.Equal(new MailboxSubscription(subscription.MailboxId, live.Id, Now + _stages.Options.Lifetime),
            await _stages.Registry.FindByMailboxAsync(subscription.MailboxId, CancellationToken.None));
        Assert.Equal([new SubscriptionEvent(subscription.MailboxId, null, SubscriptionEventKind.Resync)], _stages.QueuedEvents());
    }

    [Fact]
    public async Task Handle_SubscriptionRemoved_RecreatesItAndQueuesAResync()
    {
        var subscription = await _stages.SubscribedAsync();
        _stages.Graph.RemoveSubscription(subscription.SubscriptionId);

        await _stages.Handler().HandleAsync(new SubscriptionEvent(null, subscription.SubscriptionId, SubscriptionEventKind.SubscriptionRemoved), CancellationToken.None);

        var live = Assert.Single(_stages.Graph.LiveSubscriptions);
        Assert.NotEqual(subscription.SubscriptionId, live.Id);
        Assert.Equal(live.Id, (await _stages.Registry.FindByMailboxAsync(subscription.MailboxId, CancellationToken.None))?.SubscriptionId);
        Assert.Equal([new SubscriptionEvent(subscription.MailboxId, null, SubscriptionEventKind.Resync)], _stages.QueuedEvents());
        Assert.Empty(_stages.Graph.Reauthorized);
        Assert.Empty(_stages.QueuedScans());
    }

    [Theory]
    [InlineData(SubscriptionEventKind.SubscriptionRemoved)]
    [InlineData(SubscriptionEventKind.ReauthorizationRequired)]
    public async Task Handle_EventOfTheSubscriptionAlreadyReplaced_LeavesTheMailboxOneLiveSubscription(SubscriptionEventKind kind)
    {
        // A queue delivers at least once, and Graph retries its lifecycle notifications: the event comes back after
        // the first handling replaced the subscription it names.
        var removed = await _stages.SubscribedAsync();
        _stages.Graph.RemoveSubscription(removed.SubscriptionId);
        var removal = new SubscriptionEvent(null, removed.SubscriptionId, SubscriptionEventKind.SubscriptionRemoved);
        await _stages.Handler().HandleAsync(removal, CancellationToken.None);
        var current = Assert.Single(_stages.Graph.LiveSubscriptions);
        _stages.QueuedEvents();

        await _stages.Handler().HandleAsync(removal with { Kind = kind }, CancellationToken.None);

        Assert.Equal([current.Id], _stages.Graph.LiveSubscriptions.Select(s => s.Id));
        Assert.Equal(current.Id, (await _stages.Registry.FindByMailboxAsync(removed.MailboxId, CancellationToken.None))?.SubscriptionId);
        Assert.Empty(_stages.QueuedEvents());
    }

    [Theory]
    [InlineData(SubscriptionEventKind.Missed)]
    [InlineData(SubscriptionEventKind.Resync)]
    public async Task Handle_MissedOrResyncBySubscription_QueuesTheUnscannedMailOfItsMailbox(SubscriptionEventKind kind)
    {
        var subscription = await _stages.SubscribedAsync();
        var unscanned = _stages.Graph.AddMessage(subscription.MailboxId, receivedAt: Now - TimeSpan.FromHours(1));
        var scanned = _stages.Graph.AddMessage(subscription.MailboxId, receivedAt: Now - TimeSpan.FromHours(2));
        await _stages.ScannedAsync(subscription.MailboxId, scanned);
        var other = await _stages.SubscribedAsync();
        _stages.Graph.AddMessage(other.MailboxId, receivedAt: Now - TimeSpan.FromHours(1));

        await _stages.Handler().HandleAsync(new SubscriptionEvent(null, subscription.SubscriptionId, kind), CancellationToken.None);

        Assert.Equal([new ScanRequest(subscription.MailboxId, unscanned, null, Now)], _stages.QueuedScans());
        Assert.Equal([subscription, other], (await _stages.RegisteredAsync()).OrderBy(s => s == other));
        Assert.Empty(_stages.QueuedEvents());
        var resynced = Assert.Single(_stages.Telemetry.Events(PipelineEvents.MailboxResynced));
        Assert.Equal(new Dictionary<string, string> { ["MailboxId"] = subscription.MailboxId, ["Folders"] = "7", ["Count"] = "1" }, resynced);
    }

    [Fact]
    public async Task Handle_ResyncTheKeeperQueued_ResyncsTheMailboxItNames()
    {
        var mailbox = _stages.AddMailbox();
        var message = _stages.Graph.AddMessage(mailbox, receivedAt: Now - TimeSpan.FromDays(1));

        await _stages.Handler().HandleAsync(new SubscriptionEvent(mailbox, null, SubscriptionEventKind.Resync), CancellationToken.None);

        Assert.Equal([new ScanRequest(mailbox, message, null, Now)], _stages.QueuedScans());
    }

    [Fact]
    public async Task Handle_EventForAReplacedSubscription_ActsOnTheMailboxItWatched()
    {
        var replaced = await _stages.SubscribedAsync();
        await _stages.Keeper().RecreateAsync(replaced.MailboxId, CancellationToken.None);
        _stages.QueuedEvents();
        var message = _stages.Graph.AddMessage(replaced.MailboxId, receivedAt: Now);

        await _stages.Handler().HandleAsync(new SubscriptionEvent(null, replaced.SubscriptionId, SubscriptionEventKind.Missed), CancellationToken.None);

        Assert.Equal([message], _stages.QueuedScans().Select(s => s.MessageId));
    }

    [Theory]
    [InlineData(SubscriptionEventKind.ReauthorizationRequired)]
    [InlineData(SubscriptionEventKind.SubscriptionRemoved)]
    [InlineData(SubscriptionEventKind.Missed)]
    public async Task Handle_SubscriptionNotOurs_DoesNothing(SubscriptionEventKind kind)
    {
        var ours = await _stages.SubscribedAsync();
        _stages.Graph.AddMessage(ours.MailboxId, receivedAt: Now);

        await _stages.Handler().HandleAsync(new SubscriptionEvent(null, Guid.NewGuid().ToString(), kind), CancellationToken.None);
        await _stages.Handler().HandleAsync(new SubscriptionEvent(null, null, kind), CancellationToken.None);

        Assert.Empty(_stages.Graph.Reauthorized);
        Assert.Equal([ours.SubscriptionId], _stages.Graph.LiveSubscriptions.Select(s => s.Id));
        Assert.Equal([ours], await _stages.RegisteredAsync());
        Assert.Empty(_stages.QueuedEvents());
        Assert.Empty(_stages.QueuedScans());
        Assert.Empty(_stages.Telemetry.Events(PipelineEvents.MailboxResynced));
    }
}
