using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The body's pictures are served from a free image-sharing site (imgur, zupimages, postimg…). Organisations serve
/// their pictures from their own sites or their mailing service; a sender with neither paints its offer there, where
/// no text filter reads it. A forum digest can show a member's picture from the same sites, so it weighs little alone.
/// </summary>
public sealed class ImageOnFreeHostRule : IScanRule
{
    public const string Name = "IMAGE_ON_FREE_HOST";

    internal static readonly DomainList ImageHosts = new(
    [
        "imgur.com", "zupimages.net", "postimg.cc", "postimages.org", "ibb.co", "imgbb.com", "top4top.io", "imageshack.com",
        "imagebam.com", "pixhost.to", "imgbox.com", "freeimage.host", "prnt.sc", "gyazo.com", "lensdump.com",
    ]);

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var uri in message.ImageLinks)
        {
            if (ImageHosts.Match(uri.IdnHost) is { } host)
            {
                yield return new RuleHit(Name, 2, ThreatCategory.Clean, $"The body's pictures are served from the free image host {host} ({uri.IdnHost}).");
                yield break;
            }
        }
    }
}
