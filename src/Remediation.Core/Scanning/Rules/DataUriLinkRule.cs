namespace Remediation.Core.Scanning.Rules;

/// <summary>A link or form whose target is a <c>data:</c> URI: a whole page carried inside the link, out of reach of URL filters.</summary>
public sealed class DataUriLinkRule : IScanRule
{
    public const string Name = "DATA_URI_LINK";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var anchor = message.Anchors.FirstOrDefault(a => a.Href.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        if (anchor is not null)
        {
            var type = anchor.Href[5..Math.Max(5, anchor.Href.IndexOfAny([';', ',']))];
            yield return new RuleHit(Name, 4, ThreatCategory.Phishing, $"A link opens a data: URI ({(type.Length > 0 ? type : "no type")}) instead of a web address.");
        }
    }
}
