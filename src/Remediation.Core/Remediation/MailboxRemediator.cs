using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Audit;
using Remediation.Core.Breakers;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Remediation;

/// <summary>
/// The remediation stage: acts on every copy of one campaign in one mailbox and records each in the audit trail,
/// with the original folder first so any action can be undone. Running a job twice changes nothing.
/// </summary>
public sealed partial class MailboxRemediator(
    IMailboxGateway mailboxes,
    IHiddenFolderIds hiddenFolders,
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
        if (job.Mailboxes is not { Count: > 0 }) throw new InvalidDataException($"The remediation job of campaign {job.CampaignId} names no mailbox.");
        var distinct = job.Mailboxes.DistinctBy(m => m.MailboxId, StringComparer.OrdinalIgnoreCase).ToList();
        var quarantines = await KnownQuarantineFoldersAsync(job, distinct, cancellationToken);
        // Every mailbox is asked at once; one that cannot be searched leaves the others to go on and fails the job after.
        var mailboxes = await Task.WhenAll(distinct.Select(mailbox => LocateAsync(job, mailbox, quarantines.GetValueOrDefault(mailbox.MailboxId), cancellationToken)));
        await KeepQuarantineFoldersAsync(job, quarantines, mailboxes, cancellationToken);
        var failures = new JobFailures(job.CampaignId, mailboxes);
        var claimed = await ClaimAsync(job, [.. mailboxes.SelectMany(m => m.Copies.Select(copy => new FoundCopy(m, copy)))], failures, cancellationToken);
        var acted = await Task.WhenAll(mailboxes.Select(mailbox => ActAsync(job, mailbox, claimed, failures, cancellationToken)));
        var outcomes = acted.SelectMany(o => o).ToList();
        await SaveAsync(job, outcomes, failures, cancellationToken);
        var result = Report(job, mailboxes, outcomes);
        // A failed copy fails the job: the queue retries it, and after the last attempt it waits in the poison queue.
        return failures.Exception() is { } error ? throw error : result;
    }

    // One claim for every copy, written before anything is acted on: a crash after a move still knows where each copy
    // came from. The claim is atomic, so two jobs that found the same copy (by id and by Message-ID) do not both act,
    // and a copy already dealt with is not claimed again.
    private async Task<Dictionary<(string, string), AuditRecord>> ClaimAsync(RemediationJob job, List<FoundCopy> copies, JobFailures failures, CancellationToken cancellationToken)
    {
        try
        {
            var claims = await audit.TryClaimAllAsync([.. copies.Select(c => Record(job, c.Mailbox.MailboxId, c.Copy.MessageId, c.Copy.ParentFolderId, AuditOutcome.Pending))], ClaimTimeout, cancellationToken);
            return claims.ToDictionary(c => (c.MailboxId, c.MessageId));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var copy in copies) await RecordFailureAsync(job, copy, ex, failures, cancellationToken);
            throw failures.Exception()!;
        }
    }

    // One write for every outcome. If it fails, each copy's failure is written on its own, so a retry claims the copy
    // again and finds it already where it belongs.
    private async Task SaveAsync(RemediationJob job, List<CopyOutcome> outcomes, JobFailures failures, CancellationToken cancellationToken)
    {
        try
        {
            await audit.SaveAllAsync([.. outcomes.Select(o => o.Record)], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var outcome in outcomes) await RecordFailureAsync(job, outcome.Copy, ex, failures, cancellationToken);
            throw failures.Exception()!;
        }
    }

    private RemediationResult Report(RemediationJob job, IReadOnlyList<LocatedMailbox> mailboxes, List<CopyOutcome> outcomes)
    {
        foreach (var (copy, record) in outcomes)
        {
            if (IsRemediated(record.Outcome)) TrackRemediated(job, copy.Mailbox.MailboxId, copy.Copy.MessageId, record.Outcome.ToString(), record.Detail);
            else if (record.Outcome == AuditOutcome.Failed) TrackFailed(job, copy.Mailbox.MailboxId, copy.Copy.MessageId, record.Detail ?? "");
        }
        var results = mailboxes.Select(mailbox =>
        {
            var own = outcomes.Where(o => o.Copy.Mailbox == mailbox).ToList();
            var (remediated, failed) = (own.Count(o => IsRemediated(o.Record.Outcome)), own.Count(o => o.Record.Outcome == AuditOutcome.Failed));
            // Copies not claimed, gone or held by the breaker count as already done, as a replay finds them.
            var result = new RemediationResult(remediated, mailbox.Copies.Count - remediated - failed, failed);
            LogDone(job.CampaignId, mailbox.MailboxId, ActionName(job), result.Remediated, result.AlreadyDone, result.Failed);
            return result;
        }).ToList();
        return new RemediationResult(results.Sum(r => r.Remediated), results.Sum(r => r.AlreadyDone), results.Sum(r => r.Failed));
    }

    // Mailboxes at once. In one mailbox, every copy to move goes in one request where the store allows it.
    private async Task<List<CopyOutcome>> ActAsync(RemediationJob job, LocatedMailbox mailbox, Dictionary<(string, string), AuditRecord> claimed, JobFailures failures, CancellationToken cancellationToken)
    {
        List<(MessageLocation Copy, AuditOutcome Outcome, Exception? Error)> acted = [];
        List<MessageLocation> toMove = [];
        var meetings = new Dictionary<string, MeetingDecline>(StringComparer.Ordinal);
        foreach (var copy in mailbox.Copies.Where(c => claimed.ContainsKey((mailbox.MailboxId, c.MessageId))))
        {
            try
            {
                if (await DecideAsync(job, mailbox, copy, meetings, cancellationToken) is { } outcome) acted.Add((copy, outcome, null));
                else
                {
                    await DeclineMeetingAsync(job, mailbox.MailboxId, copy, meetings, cancellationToken);
                    toMove.Add(copy);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                acted.Add((copy, AuditOutcome.Failed, ex));
            }
        }
        if (toMove.Count > 0)
        {
            var moved = await mailboxes.MoveAllAsync(mailbox.MailboxId, [.. toMove.Select(c => c.MessageId)], mailbox.Destination!, cancellationToken);
            if (moved.Any(m => m.Error is DestinationFolderMissingException)) await ForgetQuarantineFolderAsync(job, mailbox.MailboxId, cancellationToken);
            acted.AddRange(toMove.Zip(moved, (copy, m) => (copy, m.Error is not null ? AuditOutcome.Failed : m.NewId is null ? AuditOutcome.Gone : AuditOutcome.Remediated, m.Error)));
        }
        return [.. acted.Select(a =>
        {
            var claim = claimed[(mailbox.MailboxId, a.Copy.MessageId)] with { At = clock.GetUtcNow() };
            if (a.Error is null) return new CopyOutcome(new FoundCopy(mailbox, a.Copy), claim with { Outcome = a.Outcome, Detail = MeetingDetail(meetings.GetValueOrDefault(a.Copy.MessageId, MeetingDecline.NoEntry)) });
            LogFailed(a.Error, job.CampaignId, mailbox.MailboxId, a.Copy.MessageId);
            failures.Add(mailbox.MailboxId, a.Copy.MessageId, a.Error);
            return new CopyOutcome(new FoundCopy(mailbox, a.Copy), claim with { Outcome = a.Outcome, Detail = a.Error.Message });
        })];
    }

    // What becomes of a claimed copy short of a move; null when it is to be moved.
    private async Task<AuditOutcome?> DecideAsync(RemediationJob job, LocatedMailbox mailbox, MessageLocation copy, Dictionary<string, MeetingDecline> meetings, CancellationToken cancellationToken) => job.Action switch
    {
        null => AuditOutcome.ReportOnly,
        // The hourly cap on unapproved moves; a copy already where it belongs costs nothing, and an approved campaign
        // is the SOC's decision, not the pipeline's.
        _ when !job.Approved && copy.ParentFolderId != mailbox.Destination && !await TryTakeUnapprovedMoveAsync(job, mailbox.MailboxId, copy, cancellationToken) => AuditOutcome.HeldByBreaker,
        RemediationAction.SoftDelete => await SoftDeleteAsync(job, mailbox.MailboxId, copy, meetings, cancellationToken),
        _ when copy.ParentFolderId == mailbox.Destination => AuditOutcome.Remediated,
        _ => null,
    };

    // A phishing invitation leaves a tentative entry in the calendar, its link and all, which taking the request away
    // does not touch. Quarantine and delete decline it first, telling the organizer nothing (an answer would confirm the
    // address to the attacker); declined before the request moves, a retry after a failed move finds no entry left.
    // Junk leaves the request in its user's reach, and so the entry.
    private async Task DeclineMeetingAsync(RemediationJob job, string mailboxId, MessageLocation copy, Dictionary<string, MeetingDecline> meetings, CancellationToken cancellationToken)
    {
        if (!copy.IsMeetingRequest || job.Action is not (RemediationAction.Quarantine or RemediationAction.SoftDelete)) return;
        var declined = await mailboxes.DeclineMeetingAsync(mailboxId, copy.MessageId, cancellationToken);
        if (declined == MeetingDecline.NotPermitted) LogCalendarNotPermitted(job.CampaignId, mailboxId, copy.MessageId);
        meetings[copy.MessageId] = declined;
    }

    private async Task<AuditOutcome> SoftDeleteAsync(RemediationJob job, string mailboxId, MessageLocation copy, Dictionary<string, MeetingDecline> meetings, CancellationToken cancellationToken)
    {
        await DeclineMeetingAsync(job, mailboxId, copy, meetings, cancellationToken);
        return await mailboxes.SoftDeleteAsync(mailboxId, copy.MessageId, cancellationToken) ? AuditOutcome.Remediated : AuditOutcome.Gone;
    }

    private static string? MeetingDetail(MeetingDecline meeting) => meeting switch
    {
        MeetingDecline.Declined => "Its meeting was declined and left the calendar; the organizer was not told. A restored request can be accepted again.",
        MeetingDecline.NotPermitted => "Its meeting is still in the calendar: the app may not write calendars (Calendars.ReadWrite).",
        _ => null,
    };

    // One unit of the tenant's hourly budget. An appender floods the stolen mailbox with lures of its own, each a seed of
    // its own campaign: a seed placed without transport also spends its mailbox's share, so one stolen account cannot
    // spend the budget the next campaign needs in every other mailbox.
    private async Task<bool> TryTakeUnapprovedMoveAsync(RemediationJob job, string mailboxId, MessageLocation copy, CancellationToken cancellationToken)
    {
        var appendedSeed = copy.MessageId == job.SeedMessageId && job.Rules.Contains(TransportBypassRule.Name);
        if (appendedSeed && !await breaker.TryTakeAsync(CircuitBreaker.UnapprovedMovesIn(mailboxId), options.Value.MaxUnapprovedMovesPerMailboxPerHour, cancellationToken)) return false;
        return await breaker.TryTakeAsync(CircuitBreaker.UnapprovedMoves, options.Value.MaxUnapprovedMovesPerHour, cancellationToken);
    }

    private static bool IsRemediated(AuditOutcome outcome) => outcome is AuditOutcome.Remediated or AuditOutcome.ReportOnly;

    private static string ActionName(RemediationJob job) => job.Action?.ToString() ?? "ReportOnly";

    // The hidden folder a quarantine job moves copies to; other actions have none.
    private string? QuarantineFolderName(RemediationJob job) => job.Action == RemediationAction.Quarantine ? options.Value.QuarantineFolderName : null;

    // The quarantine folders other jobs made, on any instance, read for the whole job at once.
    private async Task<IReadOnlyDictionary<string, string>> KnownQuarantineFoldersAsync(RemediationJob job, List<MailboxCopies> mailboxes, CancellationToken cancellationToken) =>
        QuarantineFolderName(job) is { } name
            ? await hiddenFolders.FindAsync(name, [.. mailboxes.Select(m => m.MailboxId)], cancellationToken)
            : new Dictionary<string, string>();

    // The quarantine folders this job made or found, in one write. They only spare later jobs requests: a write that
    // fails is logged and the job goes on.
    private async Task KeepQuarantineFoldersAsync(RemediationJob job, IReadOnlyDictionary<string, string> known, LocatedMailbox[] mailboxes, CancellationToken cancellationToken)
    {
        if (QuarantineFolderName(job) is not { } name) return;
        var learnt = mailboxes.Where(m => m.Destination is { } id && known.GetValueOrDefault(m.MailboxId) != id).ToDictionary(m => m.MailboxId, m => m.Destination!, StringComparer.Ordinal);
        if (learnt.Count == 0) return;
        try
        {
            await hiddenFolders.SaveAsync(name, learnt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFoldersNotKept(ex, job.CampaignId, learnt.Count);
        }
    }

    // A quarantine folder an administrator deleted: the retry makes it again rather than reading its id back.
    private async Task ForgetQuarantineFolderAsync(RemediationJob job, string mailboxId, CancellationToken cancellationToken)
    {
        if (QuarantineFolderName(job) is not { } name) return;
        try
        {
            await hiddenFolders.ForgetAsync(name, mailboxId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFolderNotForgotten(ex, job.CampaignId, mailboxId);
        }
    }

    private async Task<LocatedMailbox> LocateAsync(RemediationJob job, MailboxCopies mailbox, string? knownQuarantine, CancellationToken cancellationToken)
    {
        try
        {
            var (copies, quarantine) = await LocateCopiesAsync(job, mailbox, knownQuarantine, cancellationToken);
            // The quarantine folder came with the copies; a mailbox without copies needs no Junk folder's id.
            // Stryker disable once all : a job has a quarantine folder or a Junk folder, never both, and asking for Junk's id where nothing is to be moved only costs a request
            var destination = quarantine ?? (copies.Count == 0 ? null : await JunkFolderAsync(job, mailbox.MailboxId, cancellationToken));
            return new LocatedMailbox(mailbox.MailboxId, copies, destination, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSearchFailed(ex, job.CampaignId, mailbox.MailboxId);
            return new LocatedMailbox(mailbox.MailboxId, [], null, ex);
        }
    }

    // One question to the mailbox: where the copies known by id are, which copies carry each Message-ID, and, for a
    // quarantine job, the hidden folder's id. The store answers it in one round trip, at the price of an empty hidden
    // folder in a mailbox whose copy is already gone. A list's members include users with no mailbox the app may reach
    // (guests, unlicensed users, mailboxes outside its Exchange scope): theirs finds nothing, rather than failing the
    // job until it lands in the poison queue.
    private async Task<(List<MessageLocation> Copies, string? Quarantine)> LocateCopiesAsync(RemediationJob job, MailboxCopies mailbox, string? knownQuarantine, CancellationToken cancellationToken)
    {
        var folder = QuarantineFolderName(job);
        CopyQueryAnswer answer;
        try
        {
            answer = await mailboxes.LocateAsync(mailbox.MailboxId, new CopyQuery(mailbox.MessageIds, mailbox.InternetMessageIds, folder, knownQuarantine), cancellationToken);
        }
        catch (MailboxUnavailableException unavailable)
        {
            LogUnreachable(job.CampaignId, mailbox.MailboxId, unavailable.Reason);
            return ([], null);
        }
        var copies = answer.Located.DistinctBy(c => c.MessageId, StringComparer.Ordinal).ToDictionary(c => c.MessageId, StringComparer.Ordinal);
        // The copy sweep found these by their fingerprint when they were scanned, perhaps clean before what makes the
        // campaign malicious was known, perhaps as a real message whose copy the seed is: each moves only if malicious
        // by itself now.
        foreach (var swept in copies.Values.Where(c => job.SeedMessageId is not null && !Vouched(job) && c.MessageId != job.SeedMessageId).ToList())
        {
            if (!await IsMaliciousByItselfAsync(job, mailbox.MailboxId, swept, cancellationToken)) copies.Remove(swept.MessageId);
        }
        var ownFolders = mailbox.SendersMailbox && answer.Found.Values.Any(f => f.Count > 0) ? await OwnFolderIdsAsync(mailbox.MailboxId, cancellationToken) : [];
        foreach (var (internetMessageId, found) in answer.Found)
        {
            foreach (var copy in found)
            {
                if (copies.ContainsKey(copy.MessageId) || !await MatchesCampaignAsync(job, mailbox.MailboxId, internetMessageId, copy, cancellationToken)) continue;
                // Compared first, so a spoofed sender reusing a Message-ID its user sent is still audited and alerted.
                if (ownFolders.Contains(copy.ParentFolderId)) LogOwnCopyLeft(job.CampaignId, mailbox.MailboxId, copy.MessageId);
                else copies.Add(copy.MessageId, copy);
            }
        }
        return ([.. copies.Values], answer.HiddenFolderId);
    }

    private async Task<bool> IsMaliciousByItselfAsync(RemediationJob job, string mailboxId, MessageLocation copy, CancellationToken cancellationToken)
    {
        if (await mailboxes.ReadMimeAsync(mailboxId, copy.MessageId, engine.Limits, cancellationToken) is not { } content) return false;
        var judged = engine.JudgeCopy(content.Mime, weighEvidence: true);
        if (judged.MaliciousByItself is true) return true;
        await RecordMismatchAsync(job, mailboxId, copy, judged.Fingerprint.Id, null, NotMaliciousByItself, cancellationToken);
        return false;
    }

    // The sender's Drafts, Outbox and Sent Items: the user's own copies, as the scan stage keeps them too. Asked only in
    // a sender's mailbox where the search found something; the gateway keeps the ids.
    private async Task<HashSet<string>> OwnFolderIdsAsync(string mailboxId, CancellationToken cancellationToken) =>
        [.. await Task.WhenAll(MessageAuthorship.OwnFolders.Select(name => mailboxes.GetFolderIdAsync(mailboxId, name, cancellationToken)))];

    // The sender chooses the Message-ID: reusing a real thread's would otherwise quarantine that thread. A copy found
    // by Message-ID is touched only when its content is the campaign's, and, for a message its headers made malicious,
    // when it also shows the same sender, reply address and subject: the real message whose words and Message-ID an
    // attacker copied under a malicious sender stays. Unless the SOC approved the campaign, the copy must also be
    // malicious by its own evidence: a real message copied with one hidden word or header more shares the fingerprint
    // but not the verdict. A mismatch is recorded and alerted instead. What the search returned settles most copies;
    // the rest have their MIME read, in one request.
    private async Task<bool> MatchesCampaignAsync(RemediationJob job, string mailboxId, string internetMessageId, MessageLocation found, CancellationToken cancellationToken)
    {
        var expected = job.Fingerprint ?? job.CampaignId;
        var weighEvidence = !Vouched(job);
        if (found.Shown is { } shown && (job.Letterhead is null || shown.Letterhead == job.Letterhead)
            && engine.JudgeCopy(shown, weighEvidence) is { } asShown && asShown.Fingerprint.Id == expected && asShown.MaliciousByItself is not false) return true;
        if (await mailboxes.ReadMimeAsync(mailboxId, found.MessageId, engine.Limits, cancellationToken) is not { } content) return false;
        var judged = engine.JudgeCopy(content.Mime, weighEvidence);
        var actual = judged.Fingerprint.Id;
        var sameLetterhead = job.Letterhead is null || Letterhead.Of(content.Mime) == job.Letterhead;
        if (actual == expected && sameLetterhead && judged.MaliciousByItself is not false) return true;
        await RecordMismatchAsync(job, mailboxId, found, actual, internetMessageId, actual == expected
            ? sameLetterhead ? NotMaliciousByItself
                : "Shares the campaign's Message-ID and content but not its sender, reply address or subject, which made the campaign malicious; left in place."
            : $"Shares the campaign's Message-ID but not its content (fingerprint {actual}, expected {expected}); left in place.", cancellationToken);
        return false;
    }

    // Whose verdict stands for every copy of its content without judging each again: the SOC's approval, or a hunt for
    // what an analyst named (a copy judged without the indicator would not show it).
    private static bool Vouched(RemediationJob job) =>
        job.Approved || job.Rules.Contains(HuntedIndicatorRule.Name) || job.Rules.Contains(HuntedIndicatorRule.SenderName);

    private const string NotMaliciousByItself =
        "Shares the campaign's content but is not malicious by itself: the campaign's verdict read evidence this copy does not show; left in place.";

    // A replayed job finds the mismatch recorded and does not alert again; any other record is another job's outcome
    // for this copy, and its original folder is what undo puts the copy back in. Only a mismatch reads the audit trail:
    // the copies that match, nearly all of them, cost no storage call here.
    private async Task RecordMismatchAsync(RemediationJob job, string mailboxId, MessageLocation copy, string actual, string? internetMessageId, string reason, CancellationToken cancellationToken)
    {
        if (await audit.FindAsync(job.CampaignId, mailboxId, copy.MessageId, cancellationToken) is not null) return;
        LogMismatch(job.CampaignId, mailboxId, copy.MessageId, actual);
        await audit.SaveAsync(Record(job, mailboxId, copy.MessageId, copy.ParentFolderId, AuditOutcome.ContentMismatch, reason), cancellationToken);
        telemetry.Emit(new CopyMismatch(job.CampaignId, mailboxId, copy.MessageId, MailboxMessage.Usable(internetMessageId) ?? "", actual));
    }

    private async Task<string?> JunkFolderAsync(RemediationJob job, string mailboxId, CancellationToken cancellationToken) =>
        job.Action == RemediationAction.MoveToJunk ? await mailboxes.GetFolderIdAsync(mailboxId, WellKnownFolders.JunkEmail, cancellationToken) : null;

    // The claim or the outcome's write failed, so this job may hold no claim: the record is read before it is written.
    private async Task RecordFailureAsync(RemediationJob job, FoundCopy found, Exception error, JobFailures failures, CancellationToken cancellationToken)
    {
        var (mailboxId, copy) = (found.Mailbox.MailboxId, found.Copy);
        LogFailed(error, job.CampaignId, mailboxId, copy.MessageId);
        failures.Add(mailboxId, copy.MessageId, error);
        TrackFailed(job, mailboxId, copy.MessageId, error.Message);
        var record = await audit.FindAsync(job.CampaignId, mailboxId, copy.MessageId, cancellationToken);
        // A failure never overwrites an outcome: Failed may be claimed again, so a copy the SOC restored (or another job
        // finished) would be acted on again by the retry.
        if (record is { Outcome: not (AuditOutcome.Pending or AuditOutcome.Failed or AuditOutcome.HeldByBreaker) }) return;
        await audit.SaveAsync(Record(job, mailboxId, copy.MessageId, record?.OriginalFolderId ?? copy.ParentFolderId, AuditOutcome.Failed, error.Message), cancellationToken);
    }

    private AuditRecord Record(RemediationJob job, string mailboxId, string messageId, string? originalFolderId, AuditOutcome outcome, string? detail = null) =>
        new(job.CampaignId, mailboxId, messageId, ActionName(job), originalFolderId, outcome, job.Rules, clock.GetUtcNow(), detail);

    private void TrackRemediated(RemediationJob job, string mailboxId, string messageId, string outcome, string? detail) =>
        telemetry.Emit(new MessageRemediated(job.CampaignId, mailboxId, messageId, job.Rules, outcome, SecondsSinceNotified(job)) { Detail = detail ?? "" });

    private void TrackFailed(RemediationJob job, string mailboxId, string messageId, string error) =>
        telemetry.Emit(new RemediationFailed(job.CampaignId, mailboxId, messageId, job.Rules, error, SecondsSinceNotified(job)));

    private double SecondsSinceNotified(RemediationJob job) => Math.Round((clock.GetUtcNow() - job.NotifiedAt).TotalSeconds, 1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}, mailbox {MailboxId}: {Action} on {Remediated} copies ({AlreadyDone} already done, {Failed} failed)")]
    private partial void LogDone(string campaignId, string mailboxId, string action, int remediated, int alreadyDone, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId}: copy {MessageId} in mailbox {MailboxId} carries the campaign's Message-ID but other content (fingerprint {Fingerprint}); left in place")]
    private partial void LogMismatch(string campaignId, string mailboxId, string messageId, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: copy {MessageId} in mailbox {MailboxId} is its sender's own (Drafts, Outbox, Sent Items); left in place")]
    private partial void LogOwnCopyLeft(string campaignId, string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: meeting request {MessageId} in mailbox {MailboxId} leaves its meeting in the calendar: the app may not write calendars (Calendars.ReadWrite)")]
    private partial void LogCalendarNotPermitted(string campaignId, string mailboxId, string messageId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: mailbox {MailboxId} cannot be searched ({Reason}); no copies there")]
    private partial void LogUnreachable(string campaignId, string mailboxId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId}: remediation of {MessageId} in mailbox {MailboxId} failed")]
    private partial void LogFailed(Exception exception, string campaignId, string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: the quarantine folder ids of {Mailboxes} mailboxes could not be kept; the next job in each asks Graph for its folder")]
    private partial void LogFoldersNotKept(Exception exception, string campaignId, int mailboxes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: the deleted quarantine folder of mailbox {MailboxId} could not be forgotten; the next job's move there fails once more")]
    private partial void LogFolderNotForgotten(Exception exception, string campaignId, string mailboxId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId}: mailbox {MailboxId} could not be searched")]
    private partial void LogSearchFailed(Exception exception, string campaignId, string mailboxId);

    private sealed record LocatedMailbox(string MailboxId, IReadOnlyList<MessageLocation> Copies, string? Destination, Exception? SearchError);

    private sealed record FoundCopy(LocatedMailbox Mailbox, MessageLocation Copy);

    private sealed record CopyOutcome(FoundCopy Copy, AuditRecord Record);

    /// <summary>What failed in a job, by mailbox, and the first error, which the job's exception carries.</summary>
    private sealed class JobFailures
    {
        private readonly string _campaignId;
        private readonly Lock _gate = new();
        private readonly List<string> _unsearched = [];
        private readonly HashSet<(string MailboxId, string MessageId)> _copies = [];
        private Exception? _first;

        public JobFailures(string campaignId, IEnumerable<LocatedMailbox> mailboxes)
        {
            _campaignId = campaignId;
            foreach (var mailbox in mailboxes.Where(m => m.SearchError is not null))
            {
                _unsearched.Add(mailbox.MailboxId);
                _first ??= mailbox.SearchError;
            }
        }

        public void Add(string mailboxId, string messageId, Exception error)
        {
            lock (_gate)
            {
                _copies.Add((mailboxId, messageId));
                _first ??= error;
            }
        }

        public RemediationFailedException? Exception()
        {
            lock (_gate)
            {
                if (_first is null) return null;
                var parts = _copies.GroupBy(c => c.MailboxId).Select(m => $"{m.Count()} copies in mailbox {m.Key} failed").Concat(_unsearched.Select(m => $"mailbox {m} could not be searched"));
                return new RemediationFailedException($"Campaign {_campaignId}: {string.Join("; ", parts)}.", _first);
            }
        }
    }
}
