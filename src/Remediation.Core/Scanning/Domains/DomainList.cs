namespace Remediation.Core.Scanning.Domains;

/// <summary>A set of domains that also matches their subdomains.</summary>
internal sealed class DomainList(IEnumerable<string> domains)
{
    private readonly HashSet<string> _domains = new(domains.Select(d => d.Trim().TrimEnd('.')), StringComparer.OrdinalIgnoreCase);

    public string? Match(string host)
    {
        var candidate = host.TrimEnd('.');
        while (true)
        {
            if (_domains.Contains(candidate)) return candidate;
            var dot = candidate.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0) return null;
            candidate = candidate[(dot + 1)..];
        }
    }
}
