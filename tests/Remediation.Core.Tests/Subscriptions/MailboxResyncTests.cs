using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Subscriptions;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Tests.Subscriptions;

/// <summary>The resync's decisions, on the twins: which folders, from where, bounded how.</summary>
public sealed class MailboxResyncTests
{
    private readonly SubscriptionStages _stages = new();
    private readonly string _mailbox;

    public MailboxResyncTests() => _mailbox = _stages.AddMailbox();

    private DateTimeOffset Now => _stages.Clock.GetUtcNow();

    private string Inbox => _stages.Graph.FolderId(_mailbox, WellKnownFolders.Inbox);

    [Fact]
    public async Task Resync_FirstReadOfAFolder_IsBoundedByTheWindow()
    {
        _stages.Options.ResyncWindow = TimeSpan.FromDays(3);
        var nested = _stages.Graph.AddFolder(_mailbox, "2026", _stages.Graph.AddFolder(_mailbox, "Projects"));
        _stages.Graph.AddMessage(_mailbox, nested, Now - TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        var atTheBound = _stages.Graph.AddMessage(_mailbox, nested, Now - TimeSpan.FromDays(3));

        var result = await _stages.Resync().ResyncAsync(_mailbox, CancellationToken.None);

        Assert.Equal(new ResyncResult(Folders: 9, Queued: 1), result);
        Assert.Equal([new ScanRequest(_mailbox, atTheBound, null, Now)], _stages.QueuedScans());
    }

    [Fact]
    public async Task Resync_EveryListedFolder_IsReadFromItsOwnDeltaLinkAndQueuesOnlyUnscanned()
    {
        var nested = _stages.Graph.AddFolder(_mailbox, "2026", _stages.Graph.AddFolder(_mailbox, "Projects"));
        _stages.Graph.AddMessage(_mailbox, Inbox, Now - TimeSpan.FromHours(3));
        await _stages.Resync().ResyncAsync(_mailbox, CancellationToken.None);
        _stages.QueuedScans();
        var inboxLink = await _stages.Registry.GetDeltaLinkAsync(_mailbox, Inbox, CancellationToken.None);
        var scanned = _stages.Graph.AddMessage(_mailbox, nested, Now - TimeSpan.FromHours(1));
        await _stages.ScannedAsync(_mailbox, scanned);
        var unscanned = _stages.Graph.AddMessage(_mailbox, nested, Now - TimeSpan.FromHours(2));

        var result = await _stages.Resync().ResyncAsync(_mailbox, CancellationToken.None);

        Assert.Equal(new ResyncResult(Folders: 9, Queued: 1), result);
        Assert.Equal([new ScanRequest(_mailbox, unscanned, null, Now)], _stages.QueuedScans());
        Assert.NotNull(inboxLink);
        Assert.NotEqual(inboxLink, await _stages.Registry.GetDeltaLinkAsync(_mailbox, Inbox, CancellationToken.None));
        Assert.NotNull(await _stages.Registry.GetDeltaLinkAsync(_mailbox, nested, CancellationToken.None));
        Assert.Equal(new Dictionary<string, string> { ["MailboxId"] = _mailbox, ["Folders"] = "9", ["Count"] = "1" },
            _stages.Telemetry.Events(PipelineEvents.MailboxResynced)[^1]);
    }

    [Fact]
    public async Task Resync_MessageScannedInAnotherMailboxOnly_IsQueued()
    {
        var shared = _stages.Graph.AddMessage(_mailbox, Inbox, Now - TimeSpan.FromHours(1));
        await _stages.ScannedAsync(_stages.AddMailbox(), shared);

        var result = await _stages.Resync().ResyncAsync(_mailbox, CancellationToken.None);

        Assert.Equal(1, result.Queued);
        Assert.Equal([(_mailbox, shared)], _stages.QueuedScans().Select(s => (s.MailboxId, s.MessageId)));
    }

    [Fact]
    public async Task Resync_TheQuarantineThePipelineKept_IsNotReadThoughAnEarlierDeploymentLeftItVisible()
    {
        var quarantine = _stages.Graph.AddFolder(_mailbox, _stages.Remediation.QuarantineFolderName);
        _stages.Graph.AddMessage(_mailbox, quarantine, Now);
        await _stages.HiddenFolders.SaveAsync(_stages.Remediation.QuarantineFolderName, new Dictionary<string, string> { [_mailbox] = quarantine }, CancellationToken.None);

        var result = await _stages.Resync().ResyncAsync(_mailbox, CancellationToken.None);

        Assert.Equal(new ResyncResult(Folders: 7, Queued: 0), result);
        Assert.Null(await _stages.Registry.GetDeltaLinkAsync(_mailbox, quarantine, CancellationToken.None));
    }

    [Fact]
    public async Task Resync_FolderNamedLikeTheQuarantineBySomeoneElse_IsRead()
    {
        // An appender's IMAP client can make a visible folder of the quarantine's name at the top and append into it.
        var namesake = _stages.Graph.AddFolder(_mailbox, _stages.Remediation.QuarantineFolderName);
        var appended = _stages.Graph.AddMessage(_mailbox, namesake, Now);

        var result = await _stages.Resync().ResyncAsync(_mailbox, CancellationToken.None);

        Assert.Equal(new ResyncResult(Folders: 8, Queued: 1), result);
        Assert.Equal([appended], _stages.QueuedScans().Select(s => s.MessageId));
    }

    [Fact]
    public async Task Resync_LostDeltaState_StartsOverWithinTheWindow()
    {
        _stages.Options.ResyncWindow = TimeSpan.FromDays(7);
        _stages.Graph.AddMessage(_mailbox, Inbox, Now - TimeSpan.FromDays(8));
        var inWindow = _stages.Graph.AddMessage(_mailbox, Inbox, Now - TimeSpan.FromDays(6));
        await _stages.Resync().ResyncAsync(_mailbox, CancellationToken.None);
        _stages.QueuedScans();
        _stages.Graph.ForgetSyncStates();

        var result = await _stages.Resync().ResyncAsync(_mailbox, CancellationToken.None);

        Assert.Equal(new ResyncResult(Folders: 7, Queued: 1), result);
        Assert.Equal([inWindow], _stages.QueuedScans().Select(s => s.MessageId));
        Assert.Equal(new ResyncResult(Folders: 7, Queued: 0), await _stages.Resync().ResyncAsync(_mailbox, CancellationToken.None));
    }

    [Fact]
    public async Task Resync_FolderGoneAfterListing_IsSkippedAndNotCounted()
    {
        var old = _stages.Graph.AddFolder(_mailbox, "Old");
        _stages.Graph.AddMessage(_mailbox, old, Now);
        var kept = _stages.Graph.AddMessage(_mailbox, Inbox, Now);
        _stages.Graph.VanishBeforeRead(old);

        var result = await _stages.Resync().ResyncAsync(_mailbox, CancellationToken.None);

        Assert.Equal(new ResyncResult(Folders: 7, Queued: 1), result);
        Assert.Equal([kept], _stages.QueuedScans().Select(s => s.MessageId));
        Assert.Null(await _stages.Registry.GetDeltaLinkAsync(_mailbox, old, CancellationToken.None));
    }
}
