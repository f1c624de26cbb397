using Microsoft.Extensions.Options;

namespace Remediation.Core.Scanning.Domains;

/// <summary>
/// The names an attacker would imitate: the tenant's own organisation (its accepted domains) and the brands the
/// tenant configured, each with the domains that may legitimately use it.
/// </summary>
public sealed class ProtectedIdentities
{
    private readonly DomainList _legitimateDomains;
    private readonly List<(string Name, string Skeleton)> _names = [];
    private readonly List<(string Domain, string Label, string Skeleton)> _domains = [];

    public ProtectedIdentities(IOptions<TenantOptions> tenant, IOptions<DetectionOptions> detection)
    {
        var domains = tenant.Value.AcceptedDomains.Concat(detection.Value.ProtectedBrands.Values.SelectMany(d => d)).ToList();
        _legitimateDomains = new DomainList(domains);
        foreach (var domain in domains.Select(RegistrableDomain.Of).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var label = RegistrableDomain.LabelOf(domain);
            _domains.Add((domain, label, Lookalike.Skeleton(label)));
        }
        // The organisation is usually called what its domain says; brands are named explicitly.
        var names = _domains.Select(d => d.Label).Where(l => l.Length >= MinimumNameLength).Concat(detection.Value.ProtectedBrands.Keys);
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            _names.Add((name, Lookalike.Skeleton(name).Replace(" ", "", StringComparison.Ordinal)));
        }
    }

    // Shorter names match too many ordinary words to be evidence.
    private const int MinimumNameLength = 4;

    public bool IsEmpty => _domains.Count == 0 && _names.Count == 0;

    /// <summary>True for a protected domain or any of its subdomains.</summary>
    public bool IsLegitimate(string domain) => _legitimateDomains.Match(domain) is not null;

    /// <summary>The protected domain this host imitates without being it, or null.</summary>
    public string? DomainImitatedBy(string host)
    {
        if (_domains.Count == 0 || IsLegitimate(host)) return null;
        var unicode = Lookalike.ToUnicode(host);
        var label = RegistrableDomain.LabelOf(unicode);
        var skeleton = Lookalike.Skeleton(label);
        foreach (var (domain, protectedLabel, protectedSkeleton) in _domains)
        {
            if (protectedLabel.Length < MinimumNameLength) continue;
            if (skeleton == protectedSkeleton) return domain;
            var allowed = protectedLabel.Length >= 8 ? 2 : 1;
            if (Lookalike.EditDistance(skeleton, protectedSkeleton, allowed) <= allowed) return domain;
        }
        return null;
    }

    /// <summary>The protected name a display name shows (exactly or nearly), or null.</summary>
    public string? NameShownIn(string displayName)
    {
        if (_names.Count == 0 || string.IsNullOrWhiteSpace(displayName)) return null;
        var words = Words(Lookalike.Skeleton(displayName));
        foreach (var (name, skeleton) in _names)
        {
            // A name of several words is compared with as many consecutive words of the display name.
            var span = Math.Max(1, name.Count(c => c == ' ') + 1);
            for (var i = 0; i + span <= words.Count; i++)
            {
                var candidate = string.Concat(words.Skip(i).Take(span));
                var allowed = skeleton.Length >= 8 ? 2 : skeleton.Length >= 6 ? 1 : 0;
                if (Lookalike.EditDistance(candidate, skeleton, allowed) <= allowed) return name;
            }
        }
        return null;
    }

    private static List<string> Words(string text) =>
        [.. text.Split((char[])[' ', '\t', '-', '_', '.', ',', ':', '|', '(', ')', '[', ']', '"', '\'', '@'], StringSplitOptions.RemoveEmptyEntries)];
}
