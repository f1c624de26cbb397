using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>A link goes to a domain that imitates the tenant's own or a protected brand's.</summary>
public sealed class LookalikeLinkDomainRule(ProtectedIdentities identities) : IScanRule
{
    public const string Name = "LOOKALIKE_LINK_DOMAIN";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var host in message.Links.Where(l => l.HostNameType == UriHostNameType.Dns).Select(l => l.IdnHost).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (identities.DomainImitatedBy(host) is { } imitated)
            {
                yield return new RuleHit(Name, 5, ThreatCategory.Phishing, $"Links to {host}, which imitates {imitated}.");
                yield break;
            }
        }
    }
}
