using Microsoft.Extensions.Logging;
using MimeKit;
using Remediation.Core.Campaigns;
using Remediation.Core.Compromise;
using Remediation.Core.Indexing;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning.Provenance;
using Remediation.Core.Telemetry;
using Remediation.Core.Verdicts;

namespace Remediation.Core.Scanning;

/// <summary>
/// The scan stage: fetch one message, judge it (remembering campaigns judged before), index its fingerprint, and
/// hand a malicious one to the campaign stage.
/// </summary>
public sealed partial class MessageScanner(
    IMailboxGateway mailboxes,
    ScanEngine engine,
    IWorkQueue queue,
    IVerdictStore verdicts,
    ICampaignStore campaigns,
    IMessageIndex index,
    AccountCompromiseDetector compromise,
    MessageAuthorship authorship,
    IPipelineTelemetry telemetry,
    TimeProvider clock,
    ILogger<MessageScanner> logger)
{
    // Longer than any one scan takes; a claim older than this belonged to a scan that died. The queue shows a message
    // whose host died again only after its visibility timeout (ten minutes), so its retry finds the claim stale.
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(5);

    // A scan takes a second or two: a request that found another's claim comes back once that scan has most likely
    // ended, and again while it has not, each time as a new queue message.
    private static readonly TimeSpan RetryAfterClaim = TimeSpan.FromSeconds(15);

    /// <returns>The verdict, or null when there was nothing to scan (yet): already scanned or being scanned, gone, moved there by the pipeline, or not mail.</returns>
    public async Task<Verdict?> ScanAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        // Immutable ids survive moves, so a repeated notification, a resync or the pipeline's own move is found here. The
        // claim is atomic: a late notification and a resync racing for one message scan it once.
        switch (await verdicts.TryClaimAsync(request.MailboxId, request.MessageId, ClaimantOf(request), clock.GetUtcNow(), ClaimTimeout, cancellationToken))
        {
            case ScanClaim.Scanned:
                LogAlreadyScanned(request.MailboxId, request.MessageId);
                return null;
            case ScanClaim.HeldByAnother:
                // That scan may yet record nothing: it read the message in Junk, and this request is the move out of it.
                // Queued anew rather than thrown, so waiting never counts towards the poison queue.
                LogBeingScanned(request.MailboxId, request.MessageId);
                await queue.EnqueueAsync(WorkQueueNames.ScanRequests, request, RetryAfterClaim, cancellationToken);
                return null;
        }
        try
        {
            return await ScanClaimedAsync(request, cancellationToken);
        }
        catch
        {
            // The retried queue message must find the message free to scan again, not claimed by this attempt.
            await verdicts.ReleaseAsync(request.MailboxId, request.MessageId, CancellationToken.None);
            throw;
        }
    }

    // One request's retries share its payload, so they take its claim again even if releasing it failed. Requests for
    // one message differ in their receipt time (and a resync has no subscription).
    private static string ClaimantOf(ScanRequest request) =>
        $"{request.SubscriptionId}|{request.NotifiedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private async Task<Verdict?> ScanClaimedAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        if (await ReadAsync(request.MailboxId, request.MessageId, cancellationToken) is not { } message)
        {
            // Nothing recorded: a later notification for it (a move out of Junk) is scanned.
            await verdicts.ReleaseAsync(request.MailboxId, request.MessageId, cancellationToken);
            return null;
        }

        var judged = await JudgeAsync(message, hunted: null, cancellationToken);
        var verdict = judged.Verdict;
        Track(message, verdict, judged.CampaignId);
        await index.RecordAsync(IndexedMessage.Of(message, verdict, judged.IsOwnCopy, clock.GetUtcNow()), cancellationToken);
        if (verdict.IsMalicious)
        {
            if (judged.MaliciousAlone) await RecordCompromiseEvidenceAsync(message, verdict, judged, cancellationToken);
            if (judged.HasCampaignWork) await queue.EnqueueAsync(WorkQueueNames.Campaigns, judged.Seed(request.NotifiedAt), cancellationToken);
        }
        // Recorded last: if anything above fails, the retried queue message scans again instead of losing the remediation.
        await verdicts.SaveAsync(new VerdictRecord(
            message.MailboxId, message.MessageId, message.InternetMessageId, verdict.Band, verdict.Category, verdict.Score, verdict.RuleNames, clock.GetUtcNow()),
            cancellationToken);
        return verdict;
    }

    /// <summary>
    /// Judges a message scanned before again, with what the tenant learned since: a hunt's indicator, a new engine, new
    /// lists. Nothing is recorded and nothing queued: the hunt decides what follows. Compromise evidence is never
    /// drawn from it, as knowledge gained later says nothing new about how the message got there.
    /// </summary>
    /// <returns>The judgement, or null when the message is gone, sits in a remediation folder or is not mail.</returns>
    public async Task<Judgement?> RejudgeAsync(string mailboxId, string messageId, Hunting.Indicator? hunted, CancellationToken cancellationToken)
    {
        if (await ReadAsync(mailboxId, messageId, cancellationToken) is not { } message) return null;
        var judged = await JudgeAsync(message, hunted, cancellationToken);
        LogVerdict(mailboxId, messageId, judged.Verdict.Band, judged.Verdict.Category, judged.Verdict.Score, string.Join(',', judged.Verdict.RuleNames));
        return judged;
    }

    private async Task<MailboxMessage?> ReadAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        var message = await mailboxes.ReadMessageAsync(mailboxId, messageId, engine.Limits, cancellationToken);
        if (message is null)
        {
            LogGone(mailboxId, messageId);
            return null;
        }
        if (message.IsTeamsChat)
        {
            LogNotMail(mailboxId, messageId, message.ItemClass);
            return null;
        }
        if (await IsRemediationDestinationAsync(message, cancellationToken))
        {
            LogInDestination(mailboxId, messageId);
            return null;
        }
        return message;
    }

    // Campaign memory: a copy of a campaign the SOC approved is malicious now, whatever it looks like alone. Only the
    // SOC vouches for a content as such: a fingerprint cannot hold every piece of evidence a verdict read (a hidden
    // word, a header), so a verdict the pipeline reached alone speaks for the copies that show its evidence themselves,
    // and they are malicious without memory. A held campaign waits for the SOC, a released one was a mistake.
    private async Task<Judgement> JudgeAsync(MailboxMessage message, Hunting.Indicator? hunted, CancellationToken cancellationToken)
    {
        // Only a draft's folder matters to the rules, so only a draft costs the folder lookup.
        var folderName = message.IsDraft ? await authorship.FolderNameAsync(message, [WellKnownFolders.Drafts], cancellationToken) : null;
        var input = ScanInput.From(message) with { FolderName = folderName, Hunted = hunted };
        var verdict = engine.Scan(input);
        KnownCampaign? known = null;
        if (!verdict.IsMalicious && verdict.Band != VerdictBand.Unscannable && verdict.Fingerprint.CanStandForCampaign
            && await campaigns.FindAsync(verdict.Fingerprint.CampaignId, cancellationToken) is { Status: CampaignStatus.Approved } campaign)
        {
            known = new KnownCampaign(campaign.Id, campaign.Category);
            verdict = engine.Scan(input with { KnownCampaign = known });
        }
        var campaignId = known?.CampaignId ?? verdict.CampaignKey
            ?? verdict.Fingerprint.SingleMessageKey(message.InternetMessageId, message.MailboxId, message.MessageId);
        // The user's own copy, being written, waiting to go or sent, never passed inbound transport; mail that did is
        // not one, and costs no lookup. It is never moved: a draft forwarding a phish to the SOC is a report.
        var isOwnCopy = verdict.Provenance.Path != TransportPath.Transported
            && await authorship.FolderNameAsync(message, MessageAuthorship.OwnFolders, cancellationToken) is not null;
        // Malicious with no content standing for the campaign: its headers made it so, and its copies must show them too.
        var letterhead = verdict.IsMalicious && known is null && verdict.CampaignKey is null ? Letterhead.Of(message.Mime) : null;
        return new Judgement(message, verdict, campaignId, MaliciousAlone: verdict.IsMalicious && known is null, isOwnCopy, letterhead);
    }

    private async Task RecordCompromiseEvidenceAsync(MailboxMessage message, Verdict verdict, Judgement judged, CancellationToken cancellationToken)
    {
        if (await PlacedWithStolenCredentialsAsync(message, verdict, cancellationToken))
        {
            await compromise.RecordAsync(new CompromiseEvidence(message.MailboxId, message.MessageId, judged.CampaignId, PlacedAt(message)), cancellationToken);
        }
        else if (await InternalSenderAsync(message, verdict, judged, cancellationToken) is { } sender)
        {
            await compromise.RecordAsync(new CompromiseEvidence(
                sender, message.MessageId, judged.CampaignId, PlacedAt(message), EvidenceSource.SentInternally), cancellationToken);
        }
    }

    // When the mail came into the mailbox, as the store keeps it: an IMAP APPEND sets it, and a migration sets it to the
    // mail's original date, so a migrated mailbox's old phish is history, not a sign of who holds the account today.
    // The Email Appender appends at the present time, or its mail would sink below the user's newest. Never later than
    // now, whatever a client wrote.
    private DateTimeOffset PlacedAt(MailboxMessage message)
    {
        var now = clock.GetUtcNow();
        return message.ReceivedAt is { } received && received < now ? received : now;
    }

    // The account that sent it, of this tenant, as its own mailbox shows. Transport's stamps prove nothing in mail placed
    // over IMAP, where they are the appender's to copy, and a From names whoever the sender chose: only the sending
    // account's Sent Items holding this same message proves who sent it. The Sender comes first, as the account that
    // signed in sends on behalf of the From. Forwards and replies are how users warn colleagues and report to the SOC,
    // quoting the lure, and so is a new message calling it phishing: none says anything about the account (an
    // attacker replying inside a thread goes unflagged; the mail is still remediated).
    private async Task<string?> InternalSenderAsync(MailboxMessage message, Verdict verdict, Judgement judged, CancellationToken cancellationToken)
    {
        if (!verdict.Provenance.SentInternally || judged.IsOwnCopy || message.InternetMessageId is null
            || MessageAuthorship.IsForward(message.Mime) || MessageAuthorship.IsReply(message.Mime) || MessageAuthorship.IsWarning(message.Mime)) return null;
        // A From of several mailboxes names no one account, and must not stop the message being remediated.
        if (message.Mime.From.Mailboxes.Take(2).ToList() is not [var from]) return null;
        foreach (var address in new[] { message.Mime.Sender?.Address, from.Address }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await mailboxes.FindRecipientMailboxesAsync(address, cancellationToken) is not [var sender]
                || string.Equals(sender, message.MailboxId, StringComparison.OrdinalIgnoreCase)) continue;
            if (await SentFromAsync(sender, message.InternetMessageId, verdict.Fingerprint.Id, cancellationToken)) return sender;
            LogSenderUnproven(message.MailboxId, message.MessageId, sender);
        }
        return null;
    }

    // The mailbox's Sent Items or Outbox holds a message with this Message-ID and this content. The Message-ID alone is
    // the sender's to copy from any mail the account really sent.
    private async Task<bool> SentFromAsync(string mailboxId, string internetMessageId, string fingerprintId, CancellationToken cancellationToken)
    {
        IReadOnlyList<MessageLocation> copies;
        try
        {
            copies = await mailboxes.FindCopiesAsync(mailboxId, internetMessageId, cancellationToken);
        }
        catch (MailboxUnavailableException)
        {
            return false;
        }
        if (copies.Count == 0) return false;
        var sentFolders = await Task.WhenAll(new[] { WellKnownFolders.SentItems, WellKnownFolders.Outbox }.Select(name => mailboxes.GetFolderIdAsync(mailboxId, name, cancellationToken)));
        foreach (var copy in copies.Where(c => sentFolders.Contains(c.ParentFolderId)))
        {
            if (await mailboxes.ReadMimeAsync(mailboxId, copy.MessageId, engine.Limits, cancellationToken) is { } sent
                && engine.JudgeCopy(sent.Mime, weighEvidence: false).Fingerprint.Id == fingerprintId) return true;
        }
        return false;
    }

    // Malicious mail that did not come through transport was placed with the mailbox's own credentials, unless the
    // user wrote it (a draft, a sent copy, a forward of a phish to the SOC) or a migration brought it with the mailbox's
    // history, last week's phish included. A migration's incremental pass copies mail minutes after another system
    // received it, with that system's Received chain; the appender places what it composed, which no server handled,
    // or dresses it in this tenant's stamps, which disagree. A Received header is the appender's to write too, but then
    // it only spares the account, never condemns one. Campaign memory alone never counts: the message must be malicious
    // on its own evidence.
    private async Task<bool> PlacedWithStolenCredentialsAsync(MailboxMessage message, Verdict verdict, CancellationToken cancellationToken) =>
        verdict.Provenance.OutsideTransport
        && (verdict.Provenance.Path == TransportPath.Forged || !message.Mime.Headers.Contains(HeaderId.Received))
        && !MailboxHistory.Holds(message.ReceivedAt, message.CreatedAt)
        && !await authorship.IsOwnAsync(message, cancellationToken);

    // The pipeline's own moves raise "created" notifications in the destination folder. Copies it moved keep their
    // immutable id and are caught by the verdict store above; Junk is skipped as well, as Exchange's own filter put
    // there whatever else it holds.
    private async Task<bool> IsRemediationDestinationAsync(MailboxMessage message, CancellationToken cancellationToken) =>
        message.ParentFolderId == await mailboxes.GetFolderIdAsync(message.MailboxId, WellKnownFolders.JunkEmail, cancellationToken);

    private void Track(MailboxMessage message, Verdict verdict, string campaignId)
    {
        var scanned = new MessageScanned(message.MailboxId, message.MessageId, message.InternetMessageId ?? "", campaignId, verdict.Fingerprint.Id,
            verdict.Band, verdict.Category, verdict.Score, verdict.RuleNames);
        telemetry.Emit(scanned);
        if (verdict.Band == VerdictBand.Suspicious)
        {
            telemetry.Emit(new SuspiciousMessage(scanned));
        }
        if (verdict.Band == VerdictBand.Unscannable)
        {
            telemetry.Emit(new MessageUnscannable(scanned, verdict.Unscannable?.Description ?? ""));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} in mailbox {MailboxId} names mailbox {SenderMailboxId} as its sender, whose Sent Items do not hold it; no evidence against that account")]
    private partial void LogSenderUnproven(string mailboxId, string messageId, string senderMailboxId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} in mailbox {MailboxId} was scanned before; skipped")]
    private partial void LogAlreadyScanned(string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} in mailbox {MailboxId} is being scanned by another request; this one comes back later")]
    private partial void LogBeingScanned(string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} in mailbox {MailboxId} sits in a remediation folder; skipped")]
    private partial void LogInDestination(string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Item {MessageId} in mailbox {MailboxId} is {ItemClass}, not mail; skipped")]
    private partial void LogNotMail(string mailboxId, string messageId, string? itemClass);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} in mailbox {MailboxId} is gone; nothing to scan")]
    private partial void LogGone(string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Verdict for {MessageId} in mailbox {MailboxId}: {Band} {Category} score {Score} rules {Rules}")]
    private partial void LogVerdict(string mailboxId, string messageId, VerdictBand band, ThreatCategory category, double score, string rules);
}
