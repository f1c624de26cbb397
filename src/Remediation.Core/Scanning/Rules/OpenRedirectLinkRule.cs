using System.Web;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// A link that starts at a well-known site and is sent on by it to another (Google's and YouTube's redirects, Bing's
/// click tracking, Facebook's and LinkedIn's link shims, Google's AMP cache): the reader and a link filter see the
/// trusted name, and the page is elsewhere. Organisations link to their own pages; a redirect through someone else's
/// site is how a phish borrows its reputation. Google Calendar's own wrapping of links in an invitation is left out.
/// </summary>
public sealed class OpenRedirectLinkRule : IScanRule
{
    public const string Name = "OPEN_REDIRECT_LINK";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var link in message.Links)
        {
            if (Redirect(link) is not { } redirect) continue;
            var (site, target) = redirect;
            var destination = target is null ? "a destination it does not show" : target;
            if (target is not null && RegistrableDomain.Of(target) == RegistrableDomain.Of(link.IdnHost)) continue;
            yield return new RuleHit(Name, 2.5, ThreatCategory.Phishing, $"A link goes through {site}'s redirect ({link.IdnHost}) to {destination}.");
            yield break;
        }
    }

    /// <summary>The host a link through a well-known site's redirect sends the reader to; null for any other link, or one that hides it.</summary>
    internal static string? Destination(Uri link) => Redirect(link)?.Target;

    /// <summary>The redirecting site and the host it sends the reader to (null when the link hides it), or null.</summary>
    private static (string Site, string? Target)? Redirect(Uri link)
    {
        if (link.Scheme is not ("http" or "https")) return null;
        var host = link.IdnHost.ToLowerInvariant();
        var path = link.AbsolutePath;
        // Links read from markup may keep the page's "&amp;" between parameters.
        var query = HttpUtility.ParseQueryString(HttpUtility.HtmlDecode(link.Query));
        var label = RegistrableDomain.LabelOf(host);
        if (label == "google" && host.StartsWith("translate.", StringComparison.Ordinal) && path is "/translate" or "/website")
        {
            return ("Google Translate", HostOf(query["u"]));
        }
        if (label == "google" && path == "/url")
        {
            // An invitation's description has its links wrapped by Google Calendar itself.
            if (query["source"] == "calendar") return null;
            return ("Google", HostOf(query["q"] ?? query["url"]));
        }
        if (label == "google" && path.StartsWith("/amp/", StringComparison.Ordinal))
        {
            // "/amp/s/" carries an https page, a bare "/amp/" an http one.
            var secure = path.StartsWith("/amp/s/", StringComparison.Ordinal);
            return ("Google's AMP cache", HostOf((secure ? "https://" : "http://") + path[(secure ? "/amp/s/" : "/amp/").Length..]));
        }
        return host switch
        {
            "www.youtube.com" or "youtube.com" when path == "/redirect" => ("YouTube", HostOf(query["q"])),
            "www.bing.com" or "bing.com" when path == "/ck/a" => ("Bing", HostOf(BingTarget(query["u"]))),
            "l.facebook.com" or "lm.facebook.com" when path == "/l.php" => ("Facebook", HostOf(query["u"])),
            "l.instagram.com" => ("Instagram", HostOf(query["u"])),
            "www.linkedin.com" or "linkedin.com" when path == "/slink" => ("LinkedIn", null),
            "www.googleadservices.com" or "googleadservices.com" when path == "/pagead/aclk" => ("Google Ads", HostOf(query["adurl"])),
            _ => null,
        };
    }

    // Bing's click tracking carries its destination as "a1" and the URL in unpadded base64url.
    private static string? BingTarget(string? encoded)
    {
        if (encoded is null || !encoded.StartsWith("a1", StringComparison.Ordinal)) return null;
        var base64 = encoded[2..].Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? System.Text.Encoding.UTF8.GetString(bytes, 0, written) : null;
    }

    private static string? HostOf(string? url) => WebUri.Parse(url?.Trim())?.IdnHost;
}
