using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Campaigns;

/// <summary>
/// The campaign stage: from one malicious copy, find every copy in the tenant (the fingerprint index of scanned
/// mail, and the Message-ID in every tenant recipient's mailbox) and queue one remediation job per mailbox, unless
/// the blast-radius guard holds the campaign for the SOC.
/// </summary>
public sealed partial class CampaignResolver(
    ICampaignStore campaigns,
    IMailboxGateway mailboxes,
    IWorkQueue queue,
    IPipelineTelemetry telemetry,
    IOptions<RemediationOptions> options,
    ILogger<CampaignResolver> logger)
{
    public async Task ResolveAsync(MaliciousMessage seed, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(seed.CampaignId, cancellationToken);
        Dictionary<string, MailboxWork> work;
        if (campaign is null)
        {
            // The whole tenant is searched when the campaign opens, and the guard decides its status at birth, so
            // copies scanned at the same moment find it already held. Each later copy is judged malicious on its own
            // (campaign memory) and brings only itself and its recipients.
            work = await FindCopiesAsync(seed, sweep: true, cancellationToken);
            var reason = ExceedsGuard(seed.Score, work.Count);
            (campaign, var created) = await campaigns.GetOrAddAsync(new Campaign(
                seed.CampaignId, seed.Category, seed.Score, seed.Rules, seed.NotifiedAt, reason is null ? CampaignStatus.Active : CampaignStatus.Held, seed),
                cancellationToken);
            if (created && reason is not null)
            {
                TrackHeld(campaign, work.Count, reason);
            }
        }
        else
        {
            work = await FindCopiesAsync(seed, sweep: campaign.Status == CampaignStatus.Approved, cancellationToken);
        }
        if (campaign.Status is CampaignStatus.Held or CampaignStatus.Released)
        {
            LogNotActing(campaign.Id, campaign.Status);
            return;
        }

        var action = options.Value.ReportOnly ? (RemediationAction?)null : options.Value.ActionFor(campaign.Category);
        var queued = 0;
        await Parallel.ForEachAsync(work, Parallelism(cancellationToken), async (mailbox, ct) =>
        {
            var messageIds = await NewWorkAsync(campaign.Id, mailbox.Key, mailbox.Value.MessageIds, ct);
            var searches = await NewWorkAsync(campaign.Id, mailbox.Key, mailbox.Value.InternetMessageIds.Select(id => "imid:" + id), ct);
            if (messageIds.Count == 0 && searches.Count == 0) return;
            await queue.EnqueueAsync(WorkQueueNames.RemediationJobs, new RemediationJob(
                campaign.Id, mailbox.Key, messageIds, [.. searches.Select(s => s["imid:".Length..])], action, campaign.Rules, campaign.FirstNotifiedAt), ct);
            Interlocked.Increment(ref queued);
        });
        LogResolved(campaign.Id, work.Count, queued);
    }

    /// <summary>The SOC approved a held campaign: act on it whatever its size.</summary>
    public async Task<bool> ApproveAsync(string campaignId, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(campaignId, cancellationToken);
        if (campaign is null) return false;
        await campaigns.SetStatusAsync(campaignId, CampaignStatus.Approved, cancellationToken);
        await queue.EnqueueAsync(WorkQueueNames.Campaigns, campaign.Seed, cancellationToken);
        return true;
    }

    private async Task<Dictionary<string, MailboxWork>> FindCopiesAsync(MaliciousMessage seed, bool sweep, CancellationToken cancellationToken)
    {
        var work = new Dictionary<string, MailboxWork>(StringComparer.OrdinalIgnoreCase);
        MailboxWork For(string mailboxId) => work.TryGetValue(mailboxId, out var found) ? found : work[mailboxId] = new MailboxWork();

        For(seed.MailboxId).MessageIds.Add(seed.MessageId);
        // Copies already scanned, whatever their Message-ID (an Email Appender wave gives each copy its own).
        foreach (var copy in sweep ? await campaigns.CopiesAsync(seed.CampaignId, cancellationToken) : [])
        {
            For(copy.MailboxId).MessageIds.Add(copy.MessageId);
        }
        // Copies not scanned yet (delivered before the deployment, or still queued) in every recipient's mailbox.
        if (seed.InternetMessageId is { } internetMessageId)
        {
            var recipients = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Parallel.ForEachAsync(seed.TenantRecipients, Parallelism(cancellationToken), async (address, ct) =>
            {
                if (await mailboxes.FindMailboxIdAsync(address, ct) is { } mailboxId) recipients.Add(mailboxId);
            });
            foreach (var mailboxId in recipients) For(mailboxId).InternetMessageIds.Add(internetMessageId);
        }
        return work;
    }

    private string? ExceedsGuard(double score, int reach) =>
        score < options.Value.MinimumScoreToAct ? $"score {score} is below the floor {options.Value.MinimumScoreToAct}"
        : reach > options.Value.MaxMailboxesPerCampaign ? $"it reaches {reach} mailboxes, more than {options.Value.MaxMailboxesPerCampaign}"
        : null;

    private void TrackHeld(Campaign campaign, int mailboxes, string reason)
    {
        LogHeld(campaign.Id, reason);
        telemetry.Emit(PipelineEvents.CampaignHeld, new Dictionary<string, string>
        {
            [PipelineEventProperties.CampaignId] = campaign.Id,
            [PipelineEventProperties.Category] = campaign.Category.ToString(),
            [PipelineEventProperties.Score] = campaign.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PipelineEventProperties.Rules] = string.Join(',', campaign.Rules),
            [PipelineEventProperties.Count] = mailboxes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PipelineEventProperties.Reason] = reason,
        });
    }

    private async Task<List<string>> NewWorkAsync(string campaignId, string mailboxId, IEnumerable<string> items, CancellationToken cancellationToken)
    {
        var fresh = new List<string>();
        foreach (var item in items.Distinct(StringComparer.Ordinal))
        {
            if (await campaigns.TryDispatchAsync(campaignId, mailboxId, item, cancellationToken)) fresh.Add(item);
        }
        return fresh;
    }

    // A campaign may reach thousands of mailboxes: lookups and dispatches overlap, each mailbox's own limit still applies.
    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken };

    private sealed class MailboxWork
    {
        public HashSet<string> MessageIds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> InternetMessageIds { get; } = new(StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: copies in {Mailboxes} mailboxes, {Queued} remediation jobs queued")]
    private partial void LogResolved(string campaignId, int mailboxes, int queued);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId} held for the SOC: {Reason}")]
    private partial void LogHeld(string campaignId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} is {Status}: no action")]
    private partial void LogNotActing(string campaignId, CampaignStatus status);
}
