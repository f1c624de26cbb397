using Microsoft.Kiota.Abstractions.Authentication;

namespace Remediation.TenantSimulator.Tests.Infrastructure;

/// <summary>Hands the SDK one fixed bearer token, for the loopback host only.</summary>
internal sealed class StaticAccessTokenProvider(string token, string host) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

    public Task<string> GetAuthorizationTokenAsync(
        Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : string.Empty);
}
