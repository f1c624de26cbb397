namespace Remediation.Core.Scanning.Rules;

/// <summary>A link to a bare IP address: no organisation puts its name to it.</summary>
public sealed class IpAddressLinkRule : IScanRule
{
    public const string Name = "LINK_TO_IP_ADDRESS";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var link = message.Links.FirstOrDefault(l => l.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6);
        if (link is not null)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Phishing, $"Links to the bare IP address {link.Host}.");
        }
    }
}
