using Microsoft.Extensions.Logging;
using Remediation.Core.Audit;
using Remediation.Core.Campaigns;
using Remediation.Core.Mailboxes;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Remediation;

/// <param name="MailboxId">Only this mailbox's copies; null for the whole campaign.</param>
/// <param name="MessageId">Only this copy (with <see cref="MailboxId"/>).</param>
public sealed record RestoreRequest(string CampaignId, string? MailboxId = null, string? MessageId = null);

/// <param name="Gone">Copies that no longer exist: purged from Recoverable Items after the mailbox's retention, or deleted since.</param>
public sealed record RestoreResult(int Restored, int Skipped, int Gone, int Failed);

/// <summary>
/// Undo for the SOC: puts remediated copies back in the folder each was in, from the audit trail. Restoring a whole
/// campaign also releases it, so campaign memory stops marking new copies.
/// </summary>
public sealed partial class RemediationUndo(
    IAuditTrail audit,
    IMailboxGateway mailboxes,
    ICampaignStore campaigns,
    IPipelineTelemetry telemetry,
    TimeProvider clock,
    ILogger<RemediationUndo> logger)
{
    private const string GoneDetail = "the copy no longer exists (a soft-deleted copy is purged once the mailbox's deleted-item retention, 14 days by default, has passed)";

    /// <param name="actor">Who asked for the restore (a user principal name, an object id): recorded with every copy restored.</param>
    public async Task<RestoreResult> RestoreAsync(RestoreRequest request, string actor, CancellationToken cancellationToken)
    {
        var records = (await audit.ListAsync(request.CampaignId, request.MailboxId, cancellationToken))
            .Where(r => request.MessageId is null || r.MessageId == request.MessageId)
            .ToList();
        int restored = 0, skipped = 0, gone = 0, failed = 0;
        foreach (var record in records)
        {
            if (record.Outcome != AuditOutcome.Remediated || record.OriginalFolderId is null)
            {
                skipped++;
                continue;
            }
            try
            {
                // Immutable ids survive moves and soft deletes: the id in the record still finds the copy.
                var (moved, detail) = await PutBackAsync(record, cancellationToken);
                if (moved is null)
                {
                    // Said, not skipped: the SOC promised the user the message back and must learn it cannot be.
                    await audit.SaveAsync(record with { Outcome = AuditOutcome.Gone, At = clock.GetUtcNow(), Actor = actor, Detail = GoneDetail }, cancellationToken);
                    LogGone(record.CampaignId, record.MailboxId, record.MessageId);
                    gone++;
                    continue;
                }
                await audit.SaveAsync(record with { Outcome = AuditOutcome.Restored, At = clock.GetUtcNow(), Actor = actor, Detail = detail ?? record.Detail }, cancellationToken);
                restored++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, record.CampaignId, record.MailboxId, record.MessageId);
                failed++;
            }
        }

        if (request.MailboxId is null && request.MessageId is null)
        {
            await campaigns.SetStatusAsync(request.CampaignId, CampaignStatus.Released, actor, cancellationToken);
        }
        LogRestored(request.CampaignId, actor, restored, skipped, gone, failed);
        telemetry.Emit(new CampaignRestored(request.CampaignId, request.MailboxId ?? "", request.MessageId ?? "", restored,
            gone == 0 ? "" : $"{gone} copies could not be restored: {GoneDetail}", actor));
        return new RestoreResult(restored, skipped, gone, failed);
    }

    // The folder the copy was in may be gone since (the user deleted it): the user still gets the message back, in
    // the Inbox, rather than a restore that fails until the folder reappears.
    private async Task<(string? Moved, string? Detail)> PutBackAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        try
        {
            return (await mailboxes.MoveAsync(record.MailboxId, record.MessageId, record.OriginalFolderId!, cancellationToken), null);
        }
        catch (DestinationFolderMissingException)
        {
            var inbox = await mailboxes.GetFolderIdAsync(record.MailboxId, WellKnownFolders.Inbox, cancellationToken);
            LogFolderGone(record.CampaignId, record.MailboxId, record.MessageId, record.OriginalFolderId!);
            return (await mailboxes.MoveAsync(record.MailboxId, record.MessageId, inbox, cancellationToken),
                $"Its folder ({record.OriginalFolderId}) no longer exists: put back in the Inbox.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: copy {MessageId} in mailbox {MailboxId} goes back to the Inbox: its folder {FolderId} no longer exists")]
    private partial void LogFolderGone(string campaignId, string mailboxId, string messageId, string folderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: {Actor} restored {Restored} copies ({Skipped} skipped, {Gone} gone, {Failed} failed)")]
    private partial void LogRestored(string campaignId, string actor, int restored, int skipped, int gone, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: copy {MessageId} in mailbox {MailboxId} cannot be restored: it no longer exists")]
    private partial void LogGone(string campaignId, string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId}: restoring {MessageId} in mailbox {MailboxId} failed")]
    private partial void LogFailed(Exception exception, string campaignId, string mailboxId, string messageId);
}
