using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Brands;

/// <summary>A brand attackers pose as, and the domains that may legitimately send or link for it.</summary>
public sealed class Brand
{
    private readonly DomainList _senders;
    private readonly DomainList _links;

    internal Brand(string name, IReadOnlyList<string> domains, IReadOnlyList<string> linkDomains)
    {
        Name = name;
        Domains = domains;
        _senders = new DomainList(domains);
        _links = new DomainList(domains.Concat(linkDomains));
    }

    public string Name { get; }

    /// <summary>The domains that send for the brand (subdomains included).</summary>
    public IReadOnlyList<string> Domains { get; }

    /// <summary>True when mail from this domain may come from the brand.</summary>
    public bool SendsFrom(string domain) => _senders.Match(domain) is not null;

    /// <summary>True when a link to this host goes to the brand (its free mail too, which anyone can send from).</summary>
    public bool Owns(string host) => _links.Match(host) is not null;
}
