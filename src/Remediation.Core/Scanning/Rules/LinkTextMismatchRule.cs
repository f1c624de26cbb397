using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>A link's text shows one web address while its href goes to another organisation's.</summary>
public sealed partial class LinkTextMismatchRule : IScanRule
{
    public const string Name = "LINK_TEXT_MISMATCH";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var anchor in message.Anchors)
        {
            var shown = ShownHost(anchor.Text);
            if (shown is null || WebUri.Parse(anchor.Href) is not { } target) continue;
            var shownDomain = RegistrableDomain.Of(shown);
            var targetDomain = RegistrableDomain.Of(target.IdnHost);
            if (shownDomain != targetDomain)
            {
                yield return new RuleHit(Name, 3, ThreatCategory.Phishing, $"Link text shows {shown} but goes to {target.Host}.");
                yield break;
            }
        }
    }

    // A web address the reader takes for the destination. Bare names ("News.com", "ODP.NET") are brands as often as
    // addresses, so only a URL or a www. name counts.
    [GeneratedRegex(@"(?:https?://|\bwww\.)(?<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex ShownHostPattern();

    /// <summary>The host a link's text shows the reader, lower case, or null when the text shows no web address.</summary>
    internal static string? ShownHost(string linkText) =>
        ShownHostPattern().Match(linkText) is { Success: true } shown ? shown.Groups["host"].Value.ToLowerInvariant() : null;
}
