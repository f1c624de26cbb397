using Azure.Core;
using Azure.Identity;

namespace Remediation.Cli.Commands;

/// <summary>
/// Signs a SOC analyst in to the app registration the Function App's authentication trusts, and returns a bearer
/// token carrying their app roles. The registration is its own public client: no secret lives on the analyst's machine.
/// </summary>
internal static class OperatorSignIn
{
    public static async Task<string> TokenAsync(string clientId, string tenantId, bool deviceCode, CancellationToken cancellationToken)
    {
        TokenCredential credential = deviceCode
            ? new DeviceCodeCredential(new DeviceCodeCredentialOptions { ClientId = clientId, TenantId = tenantId })
            : new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions { ClientId = clientId, TenantId = tenantId });
        // An app asking a token for its own API must name it by client id; the api:// form fails (AADSTS90009).
        var token = await credential.GetTokenAsync(new TokenRequestContext([$"{clientId}/.default"]), cancellationToken);
        return token.Token;
    }
}
