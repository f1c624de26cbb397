using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Telemetry;
using Remediation.Core.Verdicts;

namespace Remediation.Core.Subscriptions;

/// <summary>
/// Catches up on a mailbox after missed notifications: reads every folder of its tree with delta from where the
/// last read of that folder stopped (a first read goes back <see cref="SubscriptionOptions.ResyncWindow"/>) and
/// queues every message not scanned yet. A folder that is gone is no longer listed, so no longer read.
/// </summary>
public sealed partial class MailboxResync(
    ISubscriptionGateway graph,
    ISubscriptionRegistry registry,
    IHiddenFolderIds hiddenFolders,
    IVerdictStore verdicts,
    IWorkQueue queue,
    IPipelineTelemetry telemetry,
    IOptions<SubscriptionOptions> options,
    IOptions<RemediationOptions> remediation,
    TimeProvider clock,
    ILogger<MailboxResync> logger)
{
    public async Task<ResyncResult> ResyncAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var receivedSince = clock.GetUtcNow() - options.Value.ResyncWindow;
        var folders = 0;
        var queued = 0;
        var quarantine = (await hiddenFolders.FindAsync(remediation.Value.QuarantineFolderName, [mailboxId], cancellationToken)).GetValueOrDefault(mailboxId);
        // One folder after another: a resync holds at most one of the mailbox's four concurrent Graph requests.
        await foreach (var folder in graph.ListFoldersAsync(mailboxId, cancellationToken))
        {
            if (!ResyncScope.Covers(folder, quarantine)) continue;
            if (await ResyncFolderAsync(mailboxId, folder.Id, receivedSince, cancellationToken) is not { } folderQueued) continue;
            folders++;
            queued += folderQueued;
        }
        LogResynced(mailboxId, folders, queued);
        telemetry.Emit(new MailboxResynced(mailboxId, folders, queued));
        return new ResyncResult(folders, queued);
    }

    /// <returns>How many messages were queued; null when the folder went away after it was listed.</returns>
    private async Task<int?> ResyncFolderAsync(string mailboxId, string folderId, DateTimeOffset receivedSince, CancellationToken cancellationToken)
    {
        var deltaLink = await registry.GetDeltaLinkAsync(mailboxId, folderId, cancellationToken);
        FolderChanges? changes;
        try
        {
            changes = await graph.ReadFolderChangesAsync(mailboxId, folderId, deltaLink, receivedSince, cancellationToken);
        }
        catch (SyncStateLostException) when (deltaLink is not null)
        {
            LogSyncStateLost(mailboxId, folderId);
            changes = await graph.ReadFolderChangesAsync(mailboxId, folderId, null, receivedSince, cancellationToken);
        }
        if (changes is null) return null;

        var queued = 0;
        var now = clock.GetUtcNow();
        foreach (var messageId in changes.AddedOrChanged)
        {
            if (await verdicts.ContainsAsync(mailboxId, messageId, cancellationToken)) continue;
            await queue.EnqueueAsync(WorkQueueNames.ScanRequests, new ScanRequest(mailboxId, messageId, null, now), cancellationToken);
            queued++;
        }
        // Saved last: a crash before this point replays the same changes, and scanned ones are skipped above.
        await registry.SaveDeltaLinkAsync(mailboxId, folderId, changes.DeltaLink, cancellationToken);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resync of mailbox {MailboxId} read {Folders} folders and queued {Queued} unscanned messages")]
    private partial void LogResynced(string mailboxId, int folders, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delta state of folder {Folder} in mailbox {MailboxId} was lost; reading it from the start of the window")]
    private partial void LogSyncStateLost(string mailboxId, string folder);
}
