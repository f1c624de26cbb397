using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core;

namespace Remediation.TenantSimulator.Tests.Infrastructure;

/// <summary>
/// The client-credentials grant against the simulator's token endpoint. Azure.Identity's own ClientSecretCredential
/// refuses an authority that is not https, so tests stand this in for it.
/// </summary>
internal sealed class SimulatorClientSecretCredential(Uri tokenEndpoint, string clientId, string clientSecret) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = string.Join(' ', requestContext.Scopes),
        });
        using var response = await http.PostAsync(tokenEndpoint, form, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        return new AccessToken((string)token["access_token"]!, DateTimeOffset.UtcNow.AddSeconds((int)token["expires_in"]!));
    }
}
