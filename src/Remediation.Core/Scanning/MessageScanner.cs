using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Telemetry;
using Remediation.Core.Verdicts;

namespace Remediation.Core.Scanning;

/// <summary>The scan stage: fetch one message, judge it, and queue remediation in every tenant mailbox it reached.</summary>
public sealed partial class MessageScanner(
    IMailboxGateway mailboxes,
    ScanEngine engine,
    IWorkQueue queue,
    IVerdictStore verdicts,
    IPipelineTelemetry telemetry,
    IOptions<TenantOptions> tenant,
    IOptions<RemediationOptions> remediation,
    TimeProvider clock,
    ILogger<MessageScanner> logger)
{
    /// <returns>The verdict, or null when there was nothing to scan: already scanned, gone, or moved there by the pipeline.</returns>
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
        if (await IsRemediationDestinationAsync(message, cancellationToken))
        {
            LogInDestination(request.MailboxId, request.MessageId);
            return null;
        }

        var verdict = engine.Scan(message.Mime);
        LogVerdict(request.MailboxId, request.MessageId, verdict.Band, verdict.Category, verdict.Score, string.Join(',', verdict.RuleNames));
        Track(message, verdict);
        if (verdict.IsMalicious && message.InternetMessageId is not null)
        {
            await QueueRemediationAsync(message, message.InternetMessageId, verdict, cancellationToken);
        }
        // Recorded last: if anything above fails, the retried queue message scans again instead of losing the remediation.
        await verdicts.SaveAsync(new VerdictRecord(
            message.MailboxId, message.MessageId, message.InternetMessageId, verdict.Band, verdict.Category, verdict.Score, verdict.RuleNames, clock.GetUtcNow()),
            cancellationToken);
        return verdict;
    }

    // The pipeline's own moves raise "created" notifications in the destination folder: never scan those again.
    private async Task<bool> IsRemediationDestinationAsync(MailboxMessage message, CancellationToken cancellationToken) =>
        message.ParentFolderId == await mailboxes.GetFolderIdAsync(message.MailboxId, WellKnownFolders.JunkEmail, cancellationToken);

    private void Track(MailboxMessage message, Verdict verdict)
    {
        var properties = new Dictionary<string, string>
        {
            [PipelineEventProperties.MailboxId] = message.MailboxId,
            [PipelineEventProperties.MessageId] = message.MessageId,
            [PipelineEventProperties.InternetMessageId] = message.InternetMessageId ?? "",
            [PipelineEventProperties.Band] = verdict.Band.ToString(),
            [PipelineEventProperties.Category] = verdict.Category.ToString(),
            [PipelineEventProperties.Score] = verdict.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PipelineEventProperties.Rules] = string.Join(',', verdict.RuleNames),
        };
        telemetry.Emit(PipelineEvents.MessageScanned, properties);
        if (verdict.Band == VerdictBand.Suspicious)
        {
            telemetry.Emit(PipelineEvents.SuspiciousMessage, properties);
        }
    }

    private async Task QueueRemediationAsync(MailboxMessage message, string internetMessageId, Verdict verdict, CancellationToken cancellationToken)
    {
        var campaignId = CampaignIdOf(internetMessageId);
        var targets = TenantRecipients(message).Prepend(message.MailboxId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        await Task.WhenAll(targets.Select(mailbox => queue.EnqueueAsync(
            WorkQueueNames.RemediationJobs,
            new RemediationJob(campaignId, mailbox, internetMessageId, remediation.Value.Action, verdict.RuleNames),
            cancellationToken)));
        LogCampaign(campaignId, targets.Count, internetMessageId);
    }

    // A user's principal name addresses the mailbox in Graph as well as its id does.
    private IEnumerable<string> TenantRecipients(MailboxMessage message) =>
        message.Mime.To.Mailboxes
            .Concat(message.Mime.Cc.Mailboxes)
            .Concat(message.Mime.Bcc.Mailboxes)
            .Select(m => m.Address)
            .Where(tenant.Value.IsTenantAddress);

    // The same message scanned twice (a retried queue message) yields the same campaign.
    private static string CampaignIdOf(string internetMessageId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(internetMessageId)))[..16];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} in mailbox {MailboxId} was scanned before; skipped")]
    private partial void LogAlreadyScanned(string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} in mailbox {MailboxId} sits in a remediation folder; skipped")]
    private partial void LogInDestination(string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} in mailbox {MailboxId} is gone; nothing to scan")]
    private partial void LogGone(string mailboxId, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Verdict for {MessageId} in mailbox {MailboxId}: {Band} {Category} score {Score} rules {Rules}")]
    private partial void LogVerdict(string mailboxId, string messageId, VerdictBand band, ThreatCategory category, double score, string rules);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: remediation queued for {Mailboxes} mailboxes (Message-ID {InternetMessageId})")]
    private partial void LogCampaign(string campaignId, int mailboxes, string internetMessageId);
}
