using System.Globalization;
using Microsoft.Extensions.Logging;
using Remediation.Core.Campaigns;
using Remediation.Core.Compromise;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
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
    AccountCompromiseDetector compromise,
    MessageAuthorship authorship,
    IPipelineTelemetry telemetry,
    TimeProvider clock,
    ILogger<MessageScanner> logger)
{
    /// <returns>The verdict, or null when there was nothing to scan: already scanned, gone, moved there by the pipeline, or not mail.</returns>
    public async Task<Verdict?> ScanAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        // Immutable ids survive moves, so a repeated notification, a resync or the pipeline's own move is found here.
        if (await verdicts.ContainsAsync(request.MailboxId, request.MessageId, cancellationToken))
        {
            LogAlreadyScanned(request.MailboxId, request.MessageId);
            return null;
        }

        var message = await mailboxes.GetMessageAsync(request.MailboxId, request.MessageId, cancellationToken);
        if (message is null)
        {
            LogGone(request.MailboxId, request.MessageId);
            return null;
        }
        if (message.IsTeamsChat)
        {
            LogNotMail(request.MailboxId, request.MessageId, message.ItemClass);
            return null;
        }
        if (await IsRemediationDestinationAsync(message, cancellationToken))
        {
            LogInDestination(request.MailboxId, request.MessageId);
            return null;
        }

        var (verdict, known, maliciousAlone) = await JudgeAsync(message, cancellationToken);
        LogVerdict(request.MailboxId, request.MessageId, verdict.Band, verdict.Category, verdict.Score, string.Join(',', verdict.RuleNames));
        var campaignId = known?.CampaignId ?? verdict.CampaignKey
            ?? verdict.Fingerprint.SingleMessageKey(message.InternetMessageId, message.MailboxId, message.MessageId);
        Track(message, verdict, campaignId);
        await campaigns.IndexAsync(verdict.Fingerprint.CampaignId, new CopyLocation(message.MailboxId, message.MessageId, message.InternetMessageId), cancellationToken);
        if (verdict.IsMalicious)
        {
            if (maliciousAlone && await PlacedWithStolenCredentialsAsync(message, verdict, cancellationToken))
            {
                await compromise.RecordAsync(new CompromiseEvidence(message.MailboxId, message.MessageId, campaignId, clock.GetUtcNow()), cancellationToken);
            }
            await queue.EnqueueAsync(WorkQueueNames.Campaigns, new MaliciousMessage(
                campaignId, message.MailboxId, message.MessageId, message.InternetMessageId, verdict.Category, verdict.Score,
                verdict.RuleNames, request.NotifiedAt, verdict.Fingerprint.Id), cancellationToken);
        }
        // Recorded last: if anything above fails, the retried queue message scans again instead of losing the remediation.
        await verdicts.SaveAsync(new VerdictRecord(
            message.MailboxId, message.MessageId, message.InternetMessageId, verdict.Band, verdict.Category, verdict.Score, verdict.RuleNames, clock.GetUtcNow()),
            cancellationToken);
        return verdict;
    }

    // Campaign memory: a copy of a campaign judged malicious before is malicious now, whatever it looks like alone.
    // Only a fingerprint that can stand for a campaign is looked up, and only a campaign that acts lends its verdict:
    // a held one waits for the SOC, a released one was a mistake.
    private async Task<(Verdict Verdict, KnownCampaign? Known, bool MaliciousAlone)> JudgeAsync(MailboxMessage message, CancellationToken cancellationToken)
    {
        // Only a draft's folder matters to the rules, so only a draft costs the folder lookup.
        var folderName = message.IsDraft ? await authorship.FolderNameAsync(message, [WellKnownFolders.Drafts], cancellationToken) : null;
        var input = ScanInput.From(message) with { FolderName = folderName };
        var verdict = engine.Scan(input);
        if (verdict.IsMalicious || verdict.Band == VerdictBand.Unscannable || !verdict.Fingerprint.CanStandForCampaign)
        {
            return (verdict, null, verdict.IsMalicious);
        }
        var campaign = await campaigns.FindAsync(verdict.Fingerprint.CampaignId, cancellationToken);
        if (campaign is not { Status: CampaignStatus.Active or CampaignStatus.Approved }) return (verdict, null, false);
        var known = new KnownCampaign(campaign.Id, campaign.Category);
        return (engine.Scan(input with { KnownCampaign = known }), known, false);
    }

    // Malicious mail that did not come through transport was placed with the mailbox's own credentials, unless the
    // user wrote it (a draft, a sent copy, a forward of a phish to the SOC). Campaign memory alone never counts: the
    // message must be malicious on its own evidence.
    private async Task<bool> PlacedWithStolenCredentialsAsync(MailboxMessage message, Verdict verdict, CancellationToken cancellationToken) =>
        verdict.Provenance.Path is TransportPath.Bypassed or TransportPath.Forged
        && !await authorship.IsOwnAsync(message, cancellationToken);

    // The pipeline's own moves raise "created" notifications in the destination folder. Copies it moved keep their
    // immutable id and are caught by the verdict store above; Junk is skipped as well, as Exchange's own filter put
    // there whatever else it holds.
    private async Task<bool> IsRemediationDestinationAsync(MailboxMessage message, CancellationToken cancellationToken) =>
        message.ParentFolderId == await mailboxes.GetFolderIdAsync(message.MailboxId, WellKnownFolders.JunkEmail, cancellationToken);

    private void Track(MailboxMessage message, Verdict verdict, string campaignId)
    {
        var properties = new Dictionary<string, string>
        {
            [PipelineEventProperties.MailboxId] = message.MailboxId,
            [PipelineEventProperties.MessageId] = message.MessageId,
            [PipelineEventProperties.InternetMessageId] = message.InternetMessageId ?? "",
            [PipelineEventProperties.CampaignId] = campaignId,
            [PipelineEventProperties.Fingerprint] = verdict.Fingerprint.Id,
            [PipelineEventProperties.Band] = verdict.Band.ToString(),
            [PipelineEventProperties.Category] = verdict.Category.ToString(),
            [PipelineEventProperties.Score] = verdict.Score.ToString(CultureInfo.InvariantCulture),
            [PipelineEventProperties.Rules] = string.Join(',', verdict.RuleNames),
        };
        telemetry.Emit(PipelineEvents.MessageScanned, properties);
        if (verdict.Band == VerdictBand.Suspicious)
        {
            telemetry.Emit(PipelineEvents.SuspiciousMessage, properties);
        }
        if (verdict.Band == VerdictBand.Unscannable)
        {
            telemetry.Emit(PipelineEvents.MessageUnscannable, new Dictionary<string, string>(properties) { [PipelineEventProperties.Reason] = verdict.Unscannable ?? "" });
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} in mailbox {MailboxId} was scanned before; skipped")]
    private partial void LogAlreadyScanned(string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} in mailbox {MailboxId} sits in a remediation folder; skipped")]
    private partial void LogInDestination(string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Item {MessageId} in mailbox {MailboxId} is {ItemClass}, not mail; skipped")]
    private partial void LogNotMail(string mailboxId, string messageId, string? itemClass);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} in mailbox {MailboxId} is gone; nothing to scan")]
    private partial void LogGone(string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Verdict for {MessageId} in mailbox {MailboxId}: {Band} {Category} score {Score} rules {Rules}")]
    private partial void LogVerdict(string mailboxId, string messageId, VerdictBand band, ThreatCategory category, double score, string rules);
}
