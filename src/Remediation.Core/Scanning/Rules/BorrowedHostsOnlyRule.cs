namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Everything the body links to or shows is on borrowed ground, of at least two kinds: URL shorteners, free hosting,
/// free image hosts, bare IP addresses. An organisation puts at least one link or picture on a site of its own (or
/// its mailing service's); a sender that owns nothing on the web, and hides where it leads, has reason to. Each kind
/// is already weighed by its own rule; this weighs what is missing.
/// </summary>
public sealed class BorrowedHostsOnlyRule : IScanRule
{
    public const string Name = "BORROWED_HOSTS_ONLY";

    private const int KindsNeeded = 2;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var hosts = message.AnchorLinks.Concat(message.ImageLinks).Select(uri => uri.IdnHost).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (hosts.Count == 0) yield break;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            if (KindOf(host) is not { } kind) yield break;
            kinds.Add(kind);
        }
        if (kinds.Count >= KindsNeeded)
        {
            yield return new RuleHit(Name, 2, ThreatCategory.Clean,
                $"Every link and picture is on borrowed ground ({string.Join(", ", kinds.Order(StringComparer.Ordinal))}): {string.Join(", ", hosts.Take(3))}; none is on a site of the sender's own.");
        }
    }

    private static string? KindOf(string host) =>
        Uri.CheckHostName(host) is UriHostNameType.IPv4 or UriHostNameType.IPv6 ? "bare IP addresses"
        : UrlShortenerRule.Shorteners.Match(host) is not null ? "URL shorteners"
        : FreeHostingLinkRule.PlatformOf(host) is not null ? "free hosting"
        : ImageOnFreeHostRule.ImageHosts.Match(host) is not null ? "free image hosts"
        : null;
}
