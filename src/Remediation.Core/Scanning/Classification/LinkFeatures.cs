using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// Where the links go and how they are built: registered domains and top-level domains, words of the paths, raw IP
/// hosts, ports, user names and escapes in URLs, and whether they point to the sender's own domain, as senders of
/// wanted bulk mail do and spam rarely does.
/// </summary>
internal static class LinkFeatures
{
    private const int MaxLinks = 100;
    private const int MaxPathWords = 6;
    private static readonly char[] PathSeparators = ['/', '.', '-', '_', '?', '=', '&'];

    public static void Add(ScannedMessage message, FeatureVector vector)
    {
        var domains = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in message.Links.Take(MaxLinks))
        {
            var host = link.IdnHost.ToLowerInvariant();
            var domain = RegistrableDomain.Of(host);
            domains.Add(domain);
            vector.Add('h', domain);
            vector.Add('u', "tld:" + host[(host.LastIndexOf('.') + 1)..]);
            if (link.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6) vector.Add('u', "ip");
            if (!link.IsDefaultPort) vector.Add('u', "port");
            if (link.UserInfo.Length > 0) vector.Add('u', "user-info");
            if (link.Query.Length > 1) vector.Add('u', "query");
            if (link.AbsoluteUri.Contains('%', StringComparison.Ordinal)) vector.Add('u', "escaped");
            foreach (var word in link.AbsolutePath.Split(PathSeparators, StringSplitOptions.RemoveEmptyEntries).Take(MaxPathWords))
            {
                if (word.Length is >= 2 and <= 20 && !word.Any(char.IsDigit)) vector.Add('u', "path:" + word.ToLowerInvariant());
            }
        }
        vector.Add('u', "links:" + TokenShape.Magnitude(message.Links.Count));
        if (message.Links.Count == 0) return;
        vector.Add('u', "domains:" + TokenShape.Magnitude(domains.Count));
        if (message.Mime.From.Mailboxes.FirstOrDefault() is { } from)
        {
            vector.Add('u', domains.Contains(RegistrableDomain.Of(from.Domain)) ? "links-sender" : "links-elsewhere");
        }
        foreach (var anchor in message.Anchors.Take(MaxLinks))
        {
            if (anchor.Href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) vector.Add('u', "anchor-mailto");
            if (anchor.Text.Length == 0) vector.Add('u', "anchor-without-text");
        }
    }
}
