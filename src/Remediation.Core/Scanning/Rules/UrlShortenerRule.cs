using Remediation.Core.Scanning.Domains;
namespace Remediation.Core.Scanning.Rules;

/// <summary>A link through a URL shortener hides where it goes.</summary>
public sealed class UrlShortenerRule : IScanRule
{
    public const string Name = "URL_SHORTENER";

    internal static readonly DomainList Shorteners = new(
    [
        "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly",
        "shorturl.at", "tiny.cc", "rb.gy", "s.id", "t.ly", "v.gd", "bl.ink", "short.io", "tiny.one", "lnkd.in", "qrco.de",
    ]);

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var link = message.Links.FirstOrDefault(l => Shorteners.Match(l.IdnHost) is not null);
        if (link is not null)
        {
            yield return new RuleHit(Name, 1.5, ThreatCategory.Spam, $"Links through the URL shortener {link.Host}.");
        }
    }
}
