using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// A <c>file://</c> link to another machine leaks the reader's credentials when opened; with a <c>!</c> moniker
/// after the path it bypasses Outlook's protected view and runs code (CVE-2024-21413).
/// </summary>
public sealed class FileUrlLinkRule : IScanRule
{
    public const string Name = "FILE_URL_LINK";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var remote = message.Anchors.Select(a => RemoteFileUrl.FirstIn(a.Href)).Append(message.RemoteFileUrlInText).FirstOrDefault(url => url is not null);
        if (remote is null) yield break;
        if (remote.Contains('!', StringComparison.Ordinal))
        {
            yield return new RuleHit(Name, 12, ThreatCategory.Malware, $"A file:// link with a \"!\" moniker ({Shorten(remote)}): the MonikerLink exploit.");
        }
        else
        {
            yield return new RuleHit(Name, 4, ThreatCategory.Phishing, $"A file:// link to another machine ({Shorten(remote)}) would send the reader's credentials there.");
        }
    }

    private static string Shorten(string url) => url.Length > 80 ? url[..80] + "…" : url;
}
