using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Audit;
using Remediation.Core.Breakers;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Scanning;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Remediation;

/// <summary>
/// The remediation stage: acts on every copy of one campaign in one mailbox and records each in the audit trail,
/// with the original folder first so any action can be undone. Running a job twice changes nothing.
/// </summary>
public sealed partial class MailboxRemediator(
    IMailboxGateway mailboxes,
    IAuditTrail audit,
    ScanEngine engine,
    IPipelineTelemetry telemetry,
    CircuitBreaker breaker,
    IOptions<RemediationOptions> options,
    TimeProvider clock,
    ILogger<MailboxRemediator> logger)
{
    // Longer than any one copy takes; a claim older than this belonged to a job that died.
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(5);

    public async Task<RemediationResult> RemediateAsync(RemediationJob job, CancellationToken cancellationToken)
    {
        var (copies, quarantine) = await LocateCopiesAsync(job, cancellationToken);
        // The quarantine folder came with the copies; a mailbox without copies needs no Junk folder's id.
        // Stryker disable once all : a job has a quarantine folder or a Junk folder, never both, and asking for Junk's id where nothing is to be moved only costs a request
        var destination = quarantine ?? (copies.Count == 0 ? null : await JunkFolderAsync(job, cancellationToken));
        int remediated = 0, alreadyDone = 0, failed = 0;
        Exception? firstError = null;
        foreach (var copy in copies)
        {
            try
            {
                if (await RemediateCopyAsync(job, copy, destination, cancellationToken)) remediated++;
                else alreadyDone++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                firstError ??= ex;
                await RecordFailureAsync(job, copy, ex, cancellationToken);
            }
        }
        LogDone(job.CampaignId, job.MailboxId, job.Action?.ToString() ?? "ReportOnly", remediated, alreadyDone, failed);
        // A failed copy fails the job: the queue retries it, and after the last attempt it waits in the poison queue.
        if (firstError is not null)
        {
            throw new RemediationFailedException($"Campaign {job.CampaignId}: {failed} copies in mailbox {job.MailboxId} failed.", firstError);
        }
        return new RemediationResult(remediated, alreadyDone, failed);
    }

    private async Task<bool> RemediateCopyAsync(RemediationJob job, MessageLocation copy, string? destination, CancellationToken cancellationToken)
    {
        // The original folder is written before acting: a crash after the move still knows where the copy came from.
        // The claim is atomic, so two jobs that found the same copy (by id and by Message-ID) do not both act, and a
        // copy already dealt with is not claimed again.
        var action = job.Action?.ToString() ?? "ReportOnly";
        if (await audit.TryClaimAsync(Record(job, copy.MessageId, action, copy.ParentFolderId, AuditOutcome.Pending), ClaimTimeout, cancellationToken) is not { } claim)
        {
            return false;
        }

        var outcome = job.Action switch
        {
            null => AuditOutcome.ReportOnly,
            // The hourly cap on unapproved moves; a copy already where it belongs costs nothing, and an approved
            // campaign is the SOC's decision, not the pipeline's.
            _ when !job.Approved && copy.ParentFolderId != destination
                && !await breaker.TryTakeAsync(CircuitBreaker.UnapprovedMoves, options.Value.MaxUnapprovedMovesPerHour, cancellationToken) => AuditOutcome.HeldByBreaker,
            RemediationAction.SoftDelete => await mailboxes.SoftDeleteAsync(job.MailboxId, copy.MessageId, cancellationToken) ? AuditOutcome.Remediated : AuditOutcome.Gone,
            _ when copy.ParentFolderId == destination => AuditOutcome.Remediated,
            _ => await mailboxes.MoveAsync(job.MailboxId, copy.MessageId, destination!, cancellationToken) is null ? AuditOutcome.Gone : AuditOutcome.Remediated,
        };
        await audit.SaveAsync(claim with { Outcome = outcome, At = clock.GetUtcNow() }, cancellationToken);
        if (outcome is AuditOutcome.Remediated or AuditOutcome.ReportOnly)
        {
            TrackRemediated(job, copy.MessageId, outcome.ToString());
        }
        return outcome is not (AuditOutcome.Gone or AuditOutcome.HeldByBreaker);
    }

    // One question to the mailbox: where the copies known by id are, which copies carry each Message-ID, and, for a
    // quarantine job, the hidden folder's id. The store answers it in one round trip, at the price of an empty hidden
    // folder in a mailbox whose copy is already gone. A list's members include users with no mailbox the app may reach
    // (guests, unlicensed users, mailboxes outside its Exchange scope): theirs finds nothing, rather than failing the
    // job until it lands in the poison queue.
    private async Task<(List<MessageLocation> Copies, string? Quarantine)> LocateCopiesAsync(RemediationJob job, CancellationToken cancellationToken)
    {
        var folder = job.Action == RemediationAction.Quarantine ? options.Value.QuarantineFolderName : null;
        CopyQueryAnswer answer;
        try
        {
            answer = await mailboxes.LocateAsync(job.MailboxId, new CopyQuery(job.MessageIds, job.InternetMessageIds, folder), cancellationToken);
        }
        catch (MailboxUnavailableException unavailable)
        {
            LogUnreachable(job.CampaignId, job.MailboxId, unavailable.Reason);
            return ([], null);
        }
        var copies = answer.Located.DistinctBy(c => c.MessageId, StringComparer.Ordinal).ToDictionary(c => c.MessageId, StringComparer.Ordinal);
        foreach (var (internetMessageId, found) in answer.Found)
        {
            foreach (var copy in found)
            {
                if (!copies.ContainsKey(copy.MessageId) && await MatchesCampaignAsync(job, internetMessageId, copy, cancellationToken)) copies.Add(copy.MessageId, copy);
            }
        }
        return ([.. copies.Values], answer.HiddenFolderId);
    }

    // The sender chooses the Message-ID: reusing a real thread's would otherwise quarantine that thread. A copy found
    // by Message-ID is touched only when its content is the campaign's; a mismatch is recorded and alerted instead.
    // What the search returned settles most copies; the rest have their MIME read, in one request.
    private async Task<bool> MatchesCampaignAsync(RemediationJob job, string internetMessageId, MessageLocation found, CancellationToken cancellationToken)
    {
        var expected = job.Fingerprint ?? job.CampaignId;
        if (found.Shown is { } shown && engine.FingerprintOf(shown)?.Id == expected) return true;
        if (await mailboxes.ReadMimeAsync(job.MailboxId, found.MessageId, engine.Limits, cancellationToken) is not { } content) return false;
        var actual = engine.FingerprintOf(content.Mime).Id;
        if (actual == expected) return true;
        // A replayed job finds the mismatch recorded and does not alert again; any other record is another job's
        // outcome for this copy, and its original folder is what undo puts the copy back in. Only a mismatch reads the
        // audit trail: the copies that match, nearly all of them, cost no storage call here.
        if (await audit.FindAsync(job.CampaignId, job.MailboxId, found.MessageId, cancellationToken) is not null) return false;
        LogMismatch(job.CampaignId, job.MailboxId, found.MessageId, actual);
        await audit.SaveAsync(Record(job, found.MessageId, job.Action?.ToString() ?? "ReportOnly", found.ParentFolderId, AuditOutcome.ContentMismatch,
            $"Shares the campaign's Message-ID but not its content (fingerprint {actual}, expected {expected}); left in place."), cancellationToken);
        telemetry.Emit(new CopyMismatch(job.CampaignId, job.MailboxId, found.MessageId, MailboxMessage.Usable(internetMessageId) ?? "", actual));
        return false;
    }

    private async Task<string?> JunkFolderAsync(RemediationJob job, CancellationToken cancellationToken) =>
        job.Action == RemediationAction.MoveToJunk ? await mailboxes.GetFolderIdAsync(job.MailboxId, WellKnownFolders.JunkEmail, cancellationToken) : null;

    private async Task RecordFailureAsync(RemediationJob job, MessageLocation copy, Exception error, CancellationToken cancellationToken)
    {
        LogFailed(error, job.CampaignId, job.MailboxId, copy.MessageId);
        TrackFailed(job, copy.MessageId, error.Message);
        var record = await audit.FindAsync(job.CampaignId, job.MailboxId, copy.MessageId, cancellationToken);
        // A failure never overwrites an outcome: Failed may be claimed again, so a copy the SOC restored (or another job
        // finished) would be acted on again by the retry.
        if (record is { Outcome: not (AuditOutcome.Pending or AuditOutcome.Failed or AuditOutcome.HeldByBreaker) }) return;
        await audit.SaveAsync(Record(job, copy.MessageId, job.Action?.ToString() ?? "ReportOnly", record?.OriginalFolderId ?? copy.ParentFolderId, AuditOutcome.Failed, error.Message), cancellationToken);
    }

    private AuditRecord Record(RemediationJob job, string messageId, string action, string? originalFolderId, AuditOutcome outcome, string? detail = null) =>
        new(job.CampaignId, job.MailboxId, messageId, action, originalFolderId, outcome, job.Rules, clock.GetUtcNow(), detail);

    private void TrackRemediated(RemediationJob job, string messageId, string outcome) =>
        telemetry.Emit(new MessageRemediated(job.CampaignId, job.MailboxId, messageId, job.Rules, outcome, SecondsSinceNotified(job)));

    private void TrackFailed(RemediationJob job, string messageId, string error) =>
        telemetry.Emit(new RemediationFailed(job.CampaignId, job.MailboxId, messageId, job.Rules, error, SecondsSinceNotified(job)));

    private double SecondsSinceNotified(RemediationJob job) => Math.Round((clock.GetUtcNow() - job.NotifiedAt).TotalSeconds, 1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}, mailbox {MailboxId}: {Action} on {Remediated} copies ({AlreadyDone} already done, {Failed} failed)")]
    private partial void LogDone(string campaignId, string mailboxId, string action, int remediated, int alreadyDone, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId}: copy {MessageId} in mailbox {MailboxId} carries the campaign's Message-ID but other content (fingerprint {Fingerprint}); left in place")]
    private partial void LogMismatch(string campaignId, string mailboxId, string messageId, string fingerprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: mailbox {MailboxId} cannot be searched ({Reason}); no copies there")]
    private partial void LogUnreachable(string campaignId, string mailboxId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId}: remediation of {MessageId} in mailbox {MailboxId} failed")]
    private partial void LogFailed(Exception exception, string campaignId, string mailboxId, string messageId);
}
