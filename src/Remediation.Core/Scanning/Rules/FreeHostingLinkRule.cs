using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// A link the reader clicks that opens a page on a platform where anyone publishes for free: storage buckets,
/// web-app and static-site hosts, site builders, IPFS gateways, translation proxies, dynamic DNS names. Phishing kits
/// live there because the platform's own domain lends them reputation; organisations link to their own domains.
/// Images served from such hosts are common in newsletters and do not count, only anchors and the links of attached
/// documents and QR codes, which lures use because link scanners read only the body. Document sharing
/// (SharePoint, Google Docs) is ordinary business and is left out.
/// </summary>
public sealed class FreeHostingLinkRule : IScanRule
{
    public const string Name = "FREE_HOSTING_LINK";

    private static readonly DomainList Platforms = new(
    [
        // Storage buckets.
        "storage.googleapis.com", "firebasestorage.googleapis.com", "blob.core.windows.net", "web.core.windows.net",
        "s3.amazonaws.com", "digitaloceanspaces.com", "wasabisys.com", "backblazeb2.com", "r2.dev",
        // Web-app and static-site hosts.
        "run.app", "web.app", "firebaseapp.com", "appspot.com", "pages.dev", "workers.dev", "netlify.app", "vercel.app",
        "github.io", "glitch.me", "herokuapp.com", "onrender.com", "fly.dev", "amplifyapp.com", "replit.app", "repl.co",
        "surge.sh", "000webhostapp.com", "ngrok.io", "ngrok-free.app", "ngrok.app", "cloudfunctions.net",
        "azurewebsites.net",
        // Site builders and blogs.
        "weebly.com", "wixsite.com", "square.site", "godaddysites.com", "webflow.io", "framer.app", "blogspot.com",
        "mystrikingly.com", "carrd.co", "typedream.app",
        // Gateways and proxies that show someone else's page under their own name.
        "ipfs.io", "dweb.link", "translate.goog",
        // Free dynamic DNS names: a machine anywhere (a home router, a hijacked server) under the service's domain.
        "duckdns.org", "ddns.net", "dns.army", "hopto.org", "zapto.org", "dynu.net",
        // No-IP's free names.
        "sytes.net", "servegame.com", "servegame.org", "serveftp.com", "servehttp.com", "serveblog.net", "servebeer.com",
        "servepics.com", "servemp3.com", "servequake.com", "servecounterstrike.com", "servehalflife.com", "myftp.org",
        "myftp.biz", "myvnc.com", "redirectme.net", "bounceme.net", "webhop.me", "hopto.me", "no-ip.org", "no-ip.biz",
        "no-ip.info", "ddns.me", "gotdns.ch", "onthewifi.com", "loginto.me", "3utilities.com", "viewdns.net",
        // Dynu's, FreeDNS's shared and dynv6's free names.
        "freeddns.org", "mywire.org", "ddnsfree.com", "ddnsgeek.com", "giize.com", "gleeze.com", "kozow.com",
        "loseyourip.com", "ooguy.com", "theworkpc.com", "webredirect.org", "camdvr.org", "accesscam.org", "casacam.net",
        "mooo.com", "chickenkiller.com", "us.to", "strangled.net", "ignorelist.com", "crabdance.com", "jumpingcrab.com",
        "twilightparadox.com", "dynv6.net",
    ]);

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var (link, where) in message.AnchorLinks.Select(l => (l, "A link")).Concat(message.AttachmentLinks.Select(l => (l, "A link inside an attachment"))))
        {
            var host = link.IdnHost;
            if (PlatformOf(host) is { } platform)
            {
                yield return new RuleHit(Name, 2.5, ThreatCategory.Phishing, $"{where} opens a page on the free hosting platform {platform} ({host}).");
                yield break;
            }
        }
    }

    /// <summary>
    /// The free platform the host is on, or null. Regional S3 endpoints (s3.eu-west-1.amazonaws.com,
    /// bucket.s3-us-west-2…) have one name per region and are all amazonaws.com.
    /// </summary>
    internal static string? PlatformOf(string host) => Platforms.Match(host) ?? (IsS3(host) ? "amazonaws.com" : null);

    private static bool IsS3(string host) =>
        host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
        && host.Split('.').Any(label => label.StartsWith("s3", StringComparison.OrdinalIgnoreCase));
}
