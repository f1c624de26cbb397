using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Scanning;

namespace Remediation.Core.Hunting;

/// <summary>
/// What the tenant learned since the app last started: entries added to the block lists, and a new engine. Each
/// starts a hunt over the window, so mail delivered before is judged with it too. The first start records what it
/// finds and hunts nothing: there is nothing indexed yet to hunt through.
/// </summary>
public sealed partial class HuntTriggers(
    HuntControl control,
    IHuntStore hunts,
    IOptions<DetectionOptions> detection,
    IOptions<HuntOptions> options,
    TimeProvider clock,
    ILogger<HuntTriggers> logger)
{
    private const string BlockListsSeen = "block-lists";
    private const string EngineSeen = "engine";
    private const string Requester = "trigger";

    /// <summary>Starts the hunts due; returns how many.</summary>
    public async Task<int> StartDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - options.Value.Window;
        var started = 0;

        var blocked = BlockedIndicators().ToList();
        var current = string.Join('\n', blocked.Select(i => i.ToString()).Order(StringComparer.Ordinal));
        if (await hunts.LastSeenAsync(BlockListsSeen, cancellationToken) is { } seenLists)
        {
            var seen = seenLists.Split('\n').ToHashSet(StringComparer.Ordinal);
            foreach (var indicator in blocked.Where(i => !seen.Contains(i.ToString())))
            {
                var id = HuntControl.TriggerId(HuntTrigger.Settings, indicator.ToString(), now);
                if ((await control.StartAsync(indicator, since, reportOnly: false, HuntTrigger.Settings, Requester, id, cancellationToken)).Started) started++;
            }
        }
        await hunts.SetLastSeenAsync(BlockListsSeen, current, cancellationToken);

        var engine = ScanEngine.Version;
        if (await hunts.LastSeenAsync(EngineSeen, cancellationToken) is { } seenEngine && seenEngine != engine && options.Value.RescanOnEngineChange)
        {
            var id = HuntControl.TriggerId(HuntTrigger.EngineChanged, engine, now);
            if ((await control.StartAsync(Indicator.AnyMessage, since, reportOnly: false, HuntTrigger.EngineChanged, Requester, id, cancellationToken)).Started) started++;
        }
        await hunts.SetLastSeenAsync(EngineSeen, engine, cancellationToken);
        LogChecked(started);
        return started;
    }

    // Entries that are not valid indicators are left to the rules, which read the lists as they are.
    private IEnumerable<Indicator> BlockedIndicators()
    {
        var lists = detection.Value;
        foreach (var (values, make) in new (List<string>, Func<string, Indicator>)[]
        {
            (lists.BlockedUrlDomains, Indicator.UrlDomain),
            (lists.BlockedSenderDomains, Indicator.Sender),
            (lists.BlockedAttachmentSha256, Indicator.AttachmentSha256),
        })
        {
            foreach (var value in values)
            {
                Indicator? indicator = null;
                try
                {
                    indicator = make(value);
                }
                catch (ArgumentException)
                {
                    LogNotAnIndicator(value);
                }
                if (indicator is not null) yield return indicator;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hunt triggers checked: {Started} hunts started")]
    private partial void LogChecked(int started);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Block list entry \"{Value}\" is not a domain or hash a hunt can look for")]
    private partial void LogNotAnIndicator(string value);
}
