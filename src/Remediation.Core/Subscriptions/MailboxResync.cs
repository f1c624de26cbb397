using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;
using Remediation.Core.Verdicts;

namespace Remediation.Core.Subscriptions;

/// <summary>
/// Catches up on a mailbox after missed notifications: reads each folder in scope with delta from where the last
/// read stopped and queues every message not scanned yet.
/// </summary>
public sealed partial class MailboxResync(
    ISubscriptionGateway graph,
    ISubscriptionRegistry registry,
    IVerdictStore verdicts,
    IWorkQueue queue,
    IPipelineTelemetry telemetry,
    IOptions<SubscriptionOptions> options,
    TimeProvider clock,
    ILogger<MailboxResync> logger)
{
    /// <returns>How many messages were queued for scanning.</returns>
    public async Task<int> ResyncAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var folder in options.Value.ResyncFolders)
        {
            queued += await ResyncFolderAsync(mailboxId, folder, cancellationToken);
        }
        LogResynced(mailboxId, queued);
        telemetry.Emit(PipelineEvents.MailboxResynced, new Dictionary<string, string>
        {
            [PipelineEventProperties.MailboxId] = mailboxId,
            [PipelineEventProperties.Count] = queued.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return queued;
    }

    private async Task<int> ResyncFolderAsync(string mailboxId, string folder, CancellationToken cancellationToken)
    {
        var deltaLink = await registry.GetDeltaLinkAsync(mailboxId, folder, cancellationToken);
        FolderChanges changes;
        try
        {
            changes = await graph.ReadFolderChangesAsync(mailboxId, folder, deltaLink, cancellationToken);
        }
        catch (SyncStateLostException) when (deltaLink is not null)
        {
            LogSyncStateLost(mailboxId, folder);
            changes = await graph.ReadFolderChangesAsync(mailboxId, folder, null, cancellationToken);
        }

        var queued = 0;
        var now = clock.GetUtcNow();
        foreach (var messageId in changes.AddedOrChanged)
        {
            if (await verdicts.ContainsAsync(mailboxId, messageId, cancellationToken)) continue;
            await queue.EnqueueAsync(WorkQueueNames.ScanRequests, new ScanRequest(mailboxId, messageId, null, now), cancellationToken);
            queued++;
        }
        // Saved last: a crash before this point replays the same changes, and scanned ones are skipped above.
        await registry.SaveDeltaLinkAsync(mailboxId, folder, changes.DeltaLink, cancellationToken);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resync of mailbox {MailboxId} queued {Queued} unscanned messages")]
    private partial void LogResynced(string mailboxId, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delta state of folder {Folder} in mailbox {MailboxId} was lost; reading it from the start")]
    private partial void LogSyncStateLost(string mailboxId, string folder);
}
