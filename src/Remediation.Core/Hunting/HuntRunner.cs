using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Campaigns;
using Remediation.Core.Indexing;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Hunting;

/// <summary>
/// The hunt stage: reads the index page by page for the hunt's indicator, re-judges each matched content once with
/// what the tenant knows now, and hands malicious copies to the campaign stage, the path live mail takes (guard,
/// report-only, audit, undo, alerts).
/// </summary>
/// <remarks>
/// A hunt survives restarts without losing or repeating work: a finding is written after its campaign is queued (a
/// crash in between queues it again, and the campaign path finds its copies done), and progress after each page
/// (a crash redoes the page, whose contents find their findings and are not judged again).
/// </remarks>
public sealed partial class HuntRunner(
    IHuntStore hunts,
    IMessageIndex index,
    MessageScanner scanner,
    IWorkQueue queue,
    IPipelineTelemetry telemetry,
    IOptions<HuntOptions> options,
    IOptions<RemediationOptions> remediation,
    TimeProvider clock,
    ILogger<HuntRunner> logger)
{
    private readonly BlastRadiusGuard _guard = new(remediation.Value);

    private static readonly TimeSpan LivePause = TimeSpan.FromSeconds(5);

    public async Task RunAsync(HuntRequest request, CancellationToken cancellationToken)
    {
        if (await hunts.FindAsync(request.HuntId, cancellationToken) is not { } hunt)
        {
            LogUnknown(request.HuntId);
            return;
        }
        var progress = await hunts.ProgressAsync(hunt.Id, cancellationToken);
        if (progress.Completed) return;
        var findings = (await hunts.FindingsAsync(hunt.Id, cancellationToken)).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var slice = Stopwatch.StartNew();
        // At least one page per run, so a hunt always moves on, however short the slice.
        do
        {
            if (await queue.ApproximateCountAsync(WorkQueueNames.ScanRequests, cancellationToken) > options.Value.PauseWhileScansQueued)
            {
                await Task.Delay(LivePause, clock, cancellationToken);
                continue;
            }
            var page = await index.PageAsync(hunt.Indicator.IndexKey, hunt.Since, progress.Continuation, options.Value.PageSize, cancellationToken);
            var (matched, copies) = await JudgeAsync(hunt, page.Copies, findings, cancellationToken);
            progress = progress with { Continuation = page.Continuation, Pages = progress.Pages + 1, Matched = progress.Matched + matched, Copies = progress.Copies + copies };
            if (page.Continuation is null)
            {
                await CompleteAsync(hunt, progress with { CompletedAt = clock.GetUtcNow() }, findings.Values, cancellationToken);
                return;
            }
            await hunts.SaveProgressAsync(hunt.Id, progress, cancellationToken);
        }
        while (slice.Elapsed < options.Value.Slice);
        // The rest waits its turn behind whatever else was queued meanwhile.
        await queue.EnqueueAsync(WorkQueueNames.Hunts, request, cancellationToken);
    }

    private async Task<(int Matched, int Copies)> JudgeAsync(Hunt hunt, IReadOnlyList<IndexedCopy> page, Dictionary<string, HuntFinding> findings, CancellationToken cancellationToken)
    {
        int matched = 0, copies = 0;
        foreach (var copy in page.Where(c => hunt.Indicator.Matches(c) && IsInScope(hunt, c)))
        {
            matched++;
            var finding = findings.GetValueOrDefault(ContentKey(hunt, copy)) ?? findings.GetValueOrDefault(CopyKey(copy))
                ?? await JudgeCopyAsync(hunt, copy, findings, cancellationToken);
            if (finding is { Malicious: true } && !copy.IsOwnCopy) copies++;
        }
        return (matched, copies);
    }

    // A re-scan after an engine change looks again at what was let through; what was already malicious was handled.
    private static bool IsInScope(Hunt hunt, IndexedCopy copy) =>
        hunt.Indicator.Kind != IndicatorKind.AnyMessage || copy.Band is VerdictBand.Clean or VerdictBand.Suspicious;

    private async Task<HuntFinding?> JudgeCopyAsync(Hunt hunt, IndexedCopy copy, Dictionary<string, HuntFinding> findings, CancellationToken cancellationToken)
    {
        // Gone since (deleted, or moved by an earlier remediation): another copy of the content may still stand for it.
        if (await scanner.RejudgeAsync(copy.MailboxId, copy.MessageId, hunt.Hunted, cancellationToken) is not { } judged) return null;
        var (verdict, seed) = (judged.Verdict, judged.Seed(hunt.RequestedAt));
        // The verdict speaks for every copy of the content only when the content alone carries it: a copy of a
        // suspicious newsletter transport delivered says nothing of an exact copy appended beside it, which the points
        // for bypassing transport may make malicious; and a malicious copy speaks for the others only when its
        // campaign will look for them (its content reaches the score floor).
        var speaksForContent = verdict.HoldsForEveryArrival && (!verdict.IsMalicious || _guard.SpeaksForEveryCopy(seed));
        var key = copy.StandsForCampaign && verdict.CampaignKey == copy.CampaignKey && speaksForContent ? ContentKey(hunt, copy) : CopyKey(copy);
        var finding = new HuntFinding(key, verdict.IsMalicious, judged.CampaignId, verdict.Category.ToString(), verdict.Score, verdict.RuleNames, copy.MailboxId, copy.MessageId);
        if (judged.HasCampaignWork && !hunt.ReportOnly)
        {
            await queue.EnqueueAsync(WorkQueueNames.Campaigns, seed, cancellationToken);
        }
        await hunts.AddFindingAsync(hunt.Id, finding, cancellationToken);
        findings[key] = finding;
        return finding;
    }

    // A re-scan's copies are filed with their senders, whose evidence the content's fingerprint does not hold: a finding
    // stands for the copies of its content from the same senders only.
    private static string ContentKey(Hunt hunt, IndexedCopy copy) =>
        hunt.Indicator.Kind == IndicatorKind.AnyMessage && copy.Values.Count > 0
            ? $"content|{copy.CampaignKey}|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', copy.Values))))[..16]}"
            : "content|" + copy.CampaignKey;

    private static string CopyKey(IndexedCopy copy) => $"copy|{copy.MailboxId}|{copy.MessageId}";

    private async Task CompleteAsync(Hunt hunt, HuntProgress progress, IEnumerable<HuntFinding> findings, CancellationToken cancellationToken)
    {
        await hunts.SaveProgressAsync(hunt.Id, progress, cancellationToken);
        var campaigns = findings.Where(f => f.Malicious).Select(f => f.CampaignId).Distinct(StringComparer.Ordinal).Count();
        var duration = progress.CompletedAt!.Value - hunt.RequestedAt;
        LogCompleted(hunt.Id, hunt.Indicator.ToString(), progress.Matched, progress.Copies, campaigns, hunt.ReportOnly);
        telemetry.Emit(new HuntCompleted(hunt.Id, hunt.Indicator, hunt.Trigger, hunt.RequestedBy, hunt.Since, progress.Matched, progress.Copies, campaigns,
            hunt.ReportOnly, Math.Round(duration.TotalSeconds, 1)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hunt {HuntId} is not in the hunt store; nothing to do")]
    private partial void LogUnknown(string huntId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hunt {HuntId} for {Indicator} done: {Matched} messages matched, {Copies} malicious copies in {Campaigns} campaigns (report only: {ReportOnly})")]
    private partial void LogCompleted(string huntId, string indicator, int matched, int copies, int campaigns, bool reportOnly);
}
