using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Scanning;

public static class ScanningServiceCollectionExtensions
{
    /// <summary>The scan engine with every rule and the tenant's detection settings.</summary>
    public static IServiceCollection AddScanEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DetectionOptions>().Bind(configuration.GetSection(DetectionOptions.Section));
        services.AddSingleton<IScanRule, BlockedSenderDomainRule>();
        services.AddSingleton<IScanRule, BlockedUrlDomainRule>();
        services.AddSingleton<ScanEngine>();
        return services;
    }
}
