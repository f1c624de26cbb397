namespace Remediation.Core.Hunting;

/// <summary>What started a hunt.</summary>
public enum HuntTrigger
{
    /// <summary>A SOC analyst, by hand.</summary>
    Analyst,

    /// <summary>An entry added to the tenant's block lists (<c>Detection:Blocked*</c>).</summary>
    Settings,

    /// <summary>A new engine version: what it catches now is looked for in mail judged clean or suspicious before.</summary>
    EngineChanged,
}

/// <summary>A search of the message index for mail delivered before the tenant knew what it knows now.</summary>
/// <param name="Since">Only mail that arrived from then on is looked at.</param>
/// <param name="ReportOnly">Records what it would remediate and moves nothing.</param>
/// <param name="RequestedBy">The analyst, or what triggered it.</param>
public sealed record Hunt(string Id, Indicator Indicator, DateTimeOffset Since, bool ReportOnly, HuntTrigger Trigger, string RequestedBy, DateTimeOffset RequestedAt)
{
    /// <summary>What the re-judgement adds to the engine: the indicator a person named; nothing for a re-scan.</summary>
    public Indicator? Hunted => Indicator.Kind == IndicatorKind.AnyMessage ? null : Indicator;
}

/// <summary>How far a hunt got: where its next page of the index begins and what it counted so far.</summary>
/// <param name="Continuation">The index's continuation for the next page; null before the first and after the last.</param>
/// <param name="Matched">Messages in the window that match the indicator.</param>
/// <param name="Copies">Matched copies judged malicious and handed to remediation (or recorded, in report-only mode).</param>
public sealed record HuntProgress(string? Continuation, int Pages, int Matched, int Copies, DateTimeOffset? CompletedAt)
{
    public static HuntProgress NotStarted { get; } = new(null, 0, 0, 0, null);

    public bool Completed => CompletedAt is not null;
}

/// <summary>The outcome of re-judging one message, which stands for every matched copy of its content when it can.</summary>
/// <param name="Key">The content's campaign key, or one copy's own key when the verdict rests on more than the content.</param>
/// <param name="CampaignId">The campaign the copies were handed to (when malicious).</param>
public sealed record HuntFinding(string Key, bool Malicious, string CampaignId, string Category, double Score, IReadOnlyList<string> Rules, string MailboxId, string MessageId);
