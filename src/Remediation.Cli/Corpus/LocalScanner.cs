using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Remediation.Core;
using Remediation.Core.Scanning;

namespace Remediation.Cli.Corpus;

/// <summary>The scan engine as the pipeline registers it, for commands that run outside a host.</summary>
internal sealed class LocalScanner(ScanEngine engine, ScanLimits limits)
{
    /// <param name="settingsFile">Optional JSON with a <c>Detection</c> section, as in the Function App's settings.</param>
    public static LocalScanner Create(string? tenantId, IReadOnlyList<string> acceptedDomains, string? settingsFile = null)
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
        var provider = services.BuildServiceProvider();
        return new LocalScanner(provider.GetRequiredService<ScanEngine>(), provider.GetRequiredService<IOptions<DetectionOptions>>().Value.Limits);
    }

    public ScanLimits Limits => limits;

    public async Task<ScanInput> ReadAsync(Stream raw, CancellationToken cancellationToken) =>
        new(await BoundedMimeLoader.LoadAsync(raw, limits, cancellationToken));

    public Verdict Scan(ScanInput input) => engine.Scan(input);
}
