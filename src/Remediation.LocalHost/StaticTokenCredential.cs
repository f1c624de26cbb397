using Azure.Core;

namespace Remediation.LocalHost;

/// <summary>
/// A fixed bearer token for a local Graph stand-in. Azure.Identity only talks to authorities over HTTPS, so a
/// loopback tenant hands out its token through settings instead; everything after the token is the production path.
/// </summary>
public sealed class StaticTokenCredential(string token) : TokenCredential
{
    private readonly AccessToken _token = new(token, DateTimeOffset.MaxValue);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(_token);
}
