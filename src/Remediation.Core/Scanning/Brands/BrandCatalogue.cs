using System.Text.Json;
using Microsoft.Extensions.Options;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Brands;

/// <summary>
/// The brands most often impersonated (the built-in <c>brands.json</c>) merged with the tenant's
/// <c>Detection:ProtectedBrands</c>: a configured brand that the catalogue knows by name gains the configured domains,
/// any other becomes a brand of its own.
/// </summary>
public sealed class BrandCatalogue
{
    private const string Resource = "Remediation.Core.Scanning.Brands.brands.json";

    private readonly DomainList _userContent;
    private readonly DomainList _tenantDomains;
    private readonly DomainList _brandSenders;

    public BrandCatalogue(IOptions<TenantOptions> tenant, IOptions<DetectionOptions> detection)
    {
        var file = Load();
        var entries = file.Brands;
        foreach (var (name, domains) in detection.Value.ProtectedBrands)
        {
            var key = BrandText.Words(name);
            var known = entries.FirstOrDefault(e => e.Names.Prepend(e.Brand).Any(n => BrandText.Words(n) == key));
            if (known is null) entries.Add(new BrandEntry { Brand = name, Names = [name], Domains = domains });
            else known.Domains = [.. known.Domains.Union(domains, StringComparer.OrdinalIgnoreCase)];
        }
        var brands = entries.Select(e => (Entry: e, Brand: new Brand(e.Brand, e.Domains, e.Links))).ToList();
        Brands = [.. brands.Select(b => b.Brand)];
        Matcher = new BrandMatcher(brands.SelectMany(b =>
            b.Entry.Names.Select(n => (b.Brand, n, false)).Concat(b.Entry.Ambiguous.Select(n => (b.Brand, n, true)))));
        _userContent = new DomainList(file.UserContent);
        _tenantDomains = new DomainList(tenant.Value.AcceptedDomains);
        _brandSenders = new DomainList(Brands.SelectMany(b => b.Domains));
    }

    public IReadOnlyList<Brand> Brands { get; }

    internal BrandMatcher Matcher { get; }

    /// <summary>True for hosts where anyone publishes (shared documents, forms, storage): never the brand's own page.</summary>
    public bool IsUserContent(string host) => _userContent.Match(host) is not null;

    /// <summary>True for the tenant's own accepted domains.</summary>
    public bool IsTenantDomain(string domain) => _tenantDomains.Match(domain) is not null;

    /// <summary>True when mail from this domain may come from some brand of the catalogue.</summary>
    public bool IsBrandSender(string domain) => _brandSenders.Match(domain) is not null;

    private static CatalogueFile Load()
    {
        using var stream = typeof(BrandCatalogue).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource {Resource} is missing from the assembly.");
        return JsonSerializer.Deserialize<CatalogueFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException($"The resource {Resource} is empty.");
    }

    private sealed class CatalogueFile
    {
        public List<string> UserContent { get; set; } = [];
        public List<BrandEntry> Brands { get; set; } = [];
    }

    private sealed class BrandEntry
    {
        public string Brand { get; set; } = "";
        public List<string> Names { get; set; } = [];
        public List<string> Ambiguous { get; set; } = [];
        public List<string> Domains { get; set; } = [];
        public List<string> Links { get; set; } = [];
    }
}
