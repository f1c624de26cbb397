using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;

namespace Remediation.Core.Hunting;

/// <summary>A hunt as the SOC and the triggers see it: its definition, progress and findings.</summary>
public sealed record HuntReport(Hunt Hunt, HuntProgress Progress, IReadOnlyList<HuntFinding> Findings);

/// <summary>Starts hunts (by hand or from a trigger), reports on them, and undoes what one remediated.</summary>
public sealed partial class HuntControl(IHuntStore hunts, IWorkQueue queue, RemediationUndo undo, IOptions<HuntOptions> options, TimeProvider clock, ILogger<HuntControl> logger)
{
    /// <summary>Starts the hunt an analyst asked for, in the terms of <see cref="HuntParameters"/> (the admin endpoint's query).</summary>
    /// <exception cref="ArgumentException">The parameters describe no hunt; the message says why, for the analyst.</exception>
    public async Task<Hunt> StartRequestedAsync(Func<string, string?> parameter, string analyst, CancellationToken cancellationToken)
    {
        var parameters = HuntParameters.Parse(parameter, options.Value.Window);
        var (hunt, _) = await StartAsync(
            parameters.Indicator, clock.GetUtcNow() - parameters.Window, parameters.ReportOnly, HuntTrigger.Analyst, analyst, id: null, cancellationToken);
        return hunt;
    }

    /// <summary>Starts a hunt unless one with the same id exists (a trigger seen twice, two instances starting at once).</summary>
    /// <param name="id">The hunt's id; a new one when null.</param>
    /// <returns>The hunt, and whether this call started it.</returns>
    public async Task<(Hunt Hunt, bool Started)> StartAsync(
        Indicator indicator, DateTimeOffset since, bool reportOnly, HuntTrigger trigger, string requestedBy, string? id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hunt = new Hunt(id ?? NewId(now), indicator, since, reportOnly, trigger, requestedBy, now);
        if (!await hunts.TryCreateAsync(hunt, cancellationToken))
        {
            return ((await hunts.FindAsync(hunt.Id, cancellationToken))!, false);
        }
        // Created before queued, so two starters never both queue it. A failure in between fails the call: the analyst
        // sees the error and starts a new hunt.
        await queue.EnqueueAsync(WorkQueueNames.Hunts, new HuntRequest(hunt.Id), cancellationToken);
        LogStarted(hunt.Id, indicator.ToString(), since, reportOnly, trigger, requestedBy);
        return (hunt, true);
    }

    /// <summary>A trigger's hunt: the same trigger on the same day makes the same id, so it starts once.</summary>
    public static string TriggerId(HuntTrigger trigger, string what, DateTimeOffset day) =>
        $"{trigger.ToString().ToLowerInvariant()}-{day:yyyyMMdd}-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(what)))[..16];

    public async Task<HuntReport?> ReportAsync(string huntId, CancellationToken cancellationToken) =>
        await hunts.FindAsync(huntId, cancellationToken) is { } hunt
            ? new HuntReport(hunt, await hunts.ProgressAsync(huntId, cancellationToken), await hunts.FindingsAsync(huntId, cancellationToken))
            : null;

    /// <summary>Restores every campaign the hunt remediated (and releases them), as <c>restore</c> does for one.</summary>
    public async Task<RestoreResult?> RestoreAsync(string huntId, string actor, CancellationToken cancellationToken)
    {
        if (await hunts.FindAsync(huntId, cancellationToken) is null) return null;
        var total = new RestoreResult(0, 0, 0, 0);
        var campaigns = (await hunts.FindingsAsync(huntId, cancellationToken)).Where(f => f.Malicious).Select(f => f.CampaignId).Distinct(StringComparer.Ordinal);
        foreach (var campaignId in campaigns)
        {
            var result = await undo.RestoreAsync(new RestoreRequest(campaignId), actor, cancellationToken);
            total = new RestoreResult(total.Restored + result.Restored, total.Skipped + result.Skipped, total.Gone + result.Gone, total.Failed + result.Failed);
        }
        return total;
    }

    // Sortable by start, and unguessable enough that two analysts starting hunts at once never collide.
    private static string NewId(DateTimeOffset now) => $"{now:yyyyMMddHHmmss}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hunt {HuntId} started for {Indicator} since {Since:o} (report only: {ReportOnly}), trigger {Trigger} by {RequestedBy}")]
    private partial void LogStarted(string huntId, string indicator, DateTimeOffset since, bool reportOnly, HuntTrigger trigger, string requestedBy);
}
