using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The sender writes from another Microsoft 365 tenant's initial domain (x.onmicrosoft.com). Every tenant gets one,
/// trials included, and an organisation that writes to the outside adds a domain of its own; spammers open trial
/// tenants and send from the initial domain, which is why Microsoft limits external mail from it. It says who sends,
/// not what they want. This tenant's own domains, and partners the tenant lists, do not count.
/// </summary>
public sealed class InitialTenantDomainSenderRule(ProtectedIdentities identities) : IScanRule
{
    public const string Name = "INITIAL_TENANT_DOMAIN_SENDER";

    private const string InitialDomainSuffix = ".onmicrosoft.com";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var sender = message.Senders.FirstOrDefault(s =>
            s.Domain.EndsWith(InitialDomainSuffix, StringComparison.OrdinalIgnoreCase) && !identities.IsLegitimate(s.Domain));
        if (sender is not null)
        {
            yield return new RuleHit(Name, 2, ThreatCategory.Clean,
                $"Sent from {sender.Address}, another Microsoft 365 tenant's initial domain, which trial tenants send from and organisations replace with their own.");
        }
    }
}
