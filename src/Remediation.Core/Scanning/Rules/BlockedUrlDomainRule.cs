using Microsoft.Extensions.Options;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>The message links to a domain the tenant named as bad.</summary>
public sealed class BlockedUrlDomainRule(IOptions<DetectionOptions> options) : IScanRule
{
    public const string Name = "BLOCKED_URL_DOMAIN";
    private readonly DomainList _blocked = new(options.Value.BlockedUrlDomains);

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var hit = message.Links
            .Select(link => (Link: link, Domain: _blocked.Match(link.IdnHost)))
            .FirstOrDefault(l => l.Domain is not null);
        if (hit.Domain is not null)
        {
            yield return new RuleHit(Name, 10, ThreatCategory.Phishing, $"Links to {hit.Link.Host}, in the blocked domain {hit.Domain}.");
        }
    }
}
