namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Part of the HTML body placed tens of thousands of pixels below the message ("margin-top: 380000px"), or in a box
/// ten screens tall: the reader sees the lure at the top and nothing else, while filters read the borrowed newsletter
/// pushed out of view, whose words are hammy. No layout needs that distance. It says the body hides, not what it
/// wants, so it names no threat.
/// </summary>
public sealed class ContentOutOfViewRule : IScanRule
{
    public const string Name = "CONTENT_OUT_OF_VIEW";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.OutOfViewStyle is { } style)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Clean, $"Part of the body is placed out of the reader's view ({style}), where filters read it and people do not.");
        }
    }
}
