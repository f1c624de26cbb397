using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Scanning.Corpus;

/// <summary>The scan engine as the pipeline registers it, for commands that run outside a host.</summary>
public sealed class LocalScanner(ScanEngine engine, ScanLimits limits)
{
    /// <param name="settingsFile">Optional JSON with a <c>Detection</c> section, as in the Function App's settings.</param>
    /// <param name="withClassifier">False leaves the spam classifier out: the evidence of the other rules alone, which
    /// training calibrates the classifier's points against.</param>
    public static LocalScanner Create(string? tenantId, IReadOnlyList<string> acceptedDomains, string? settingsFile = null, bool withClassifier = true)
    {
        var configuration = new ConfigurationBuilder();
        if (settingsFile is not null) configuration.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        var services = new ServiceCollection();
        services.Configure<TenantOptions>(t =>
        {
            t.TenantId = tenantId ?? "";
            t.AcceptedDomains = [.. acceptedDomains];
        });
        services.AddScanEngine(configuration.Build());
        if (!withClassifier)
        {
            foreach (var classifier in services.Where(s => s.ImplementationType == typeof(SpamClassifierRule)).ToList()) services.Remove(classifier);
        }
        var provider = services.BuildServiceProvider();
        return new LocalScanner(provider.GetRequiredService<ScanEngine>(), provider.GetRequiredService<IOptions<DetectionOptions>>().Value.Limits);
    }

    public ScanLimits Limits => limits;

    public async Task<ScanInput> ReadAsync(Stream raw, CancellationToken cancellationToken) =>
        ScanInput.From(await MimeLoader.LoadAsync(raw, limits, cancellationToken));

    public Verdict Scan(ScanInput input) => engine.Scan(input);
}
