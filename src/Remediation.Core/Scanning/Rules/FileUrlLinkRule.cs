using System.Text.RegularExpressions;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// A <c>file://</c> link to another machine leaks the reader's credentials when opened; with a <c>!</c> moniker
/// after the path it bypasses Outlook's protected view and runs code (CVE-2024-21413).
/// </summary>
public sealed partial class FileUrlLinkRule : IScanRule
{
    public const string Name = "FILE_URL_LINK";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var remote = message.Anchors.Select(a => a.Href).Append(message.Text).Select(t => RemoteFileUrl().Match(t)).FirstOrDefault(m => m.Success);
        if (remote is null) yield break;
        if (remote.Value.Contains('!', StringComparison.Ordinal))
        {
            yield return new RuleHit(Name, 12, ThreatCategory.Malware, $"A file:// link with a \"!\" moniker ({Shorten(remote.Value)}): the MonikerLink exploit.");
        }
        else
        {
            yield return new RuleHit(Name, 4, ThreatCategory.Phishing, $"A file:// link to another machine ({Shorten(remote.Value)}) would send the reader's credentials there.");
        }
    }

    private static string Shorten(string url) => url.Length > 80 ? url[..80] + "…" : url;

    // file://host/…, file:///\\host\… and file:////host/… reach a remote share; file:///C:/… and file://localhost/… do not.
    [GeneratedRegex(@"file:(?://(?![/\\]|[a-z]:|localhost\b)[^\s""'<>]+|/{2,3}[\\/]{1,2}(?![a-z]:)[^\s""'<>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemoteFileUrl();
}
