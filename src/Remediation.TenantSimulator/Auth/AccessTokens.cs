using System.Collections.Concurrent;
using Remediation.TenantSimulator.Model;

namespace Remediation.TenantSimulator.Auth;

/// <summary>The bearer tokens Graph accepts: the configured static one and those the token endpoint issued.</summary>
internal sealed class AccessTokens(SimulatorOptions options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> issued = new(StringComparer.Ordinal);

    public string Issue()
    {
        var token = "eyJ0eXAiOiJKV1QiLCJzaW0iOnRydWV9." + GraphIds.NewOpaqueToken();
        issued[token] = timeProvider.GetUtcNow() + options.IssuedTokenLifetime;
        return token;
    }

    public bool IsValid(string token) =>
        string.Equals(token, options.AccessToken, StringComparison.Ordinal)
        || (issued.TryGetValue(token, out var expires) && timeProvider.GetUtcNow() < expires);
}
