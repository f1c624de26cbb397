using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Remediation.Functions;

/// <summary>
/// The SOC analyst behind a request, as App Service authentication (Entra ID) vouches for them: the platform
/// validates the bearer token and passes its claims on in <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON).
/// </summary>
/// <param name="Actor">The caller's user principal name, else their object id; null when refused.</param>
/// <param name="Refusal">401 when nobody signed in, 403 when the caller lacks the app role; null when allowed.</param>
public sealed record OperatorAuthorization(string? Actor, IActionResult? Refusal)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    // The platform sets this with the principal. It strips both headers from clients only while authentication is
    // on (checked first, from WEBSITE_AUTH_ENABLED): a principal arriving without it did not come from the platform.
    public const string IdentityProviderHeader = "X-MS-CLIENT-PRINCIPAL-IDP";

    private const string RoleClaim = "roles";

    // Easy Auth passes some token claims under their long WS-Federation names, others under the JWT names.
    private static readonly string[] NameClaims =
    [
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "upn", "preferred_username",
        "http://schemas.microsoft.com/identity/claims/objectidentifier", "oid",
    ];

    public bool Allowed => Refusal is null;

    public static OperatorAuthorization Check(HttpRequest request, OperatorOptions operators)
    {
        var appRole = operators.AppRole;
        // With authentication off, the principal headers are whatever the caller wrote: nobody is signed in.
        if (!operators.PlatformAuthenticates || string.IsNullOrEmpty(request.Headers[IdentityProviderHeader]) || Principal(request.Headers[PrincipalHeader]) is not { } principal)
        {
            return new OperatorAuthorization(null, new UnauthorizedResult());
        }
        var claims = principal.Claims ?? [];
        var actor = NameClaims.Select(type => claims.FirstOrDefault(c => c.Type == type && !string.IsNullOrEmpty(c.Value))?.Value).FirstOrDefault(v => v is not null);
        var roleClaim = string.IsNullOrEmpty(principal.RoleType) ? RoleClaim : principal.RoleType;
        var holdsRole = claims.Any(c => (c.Type == RoleClaim || c.Type == roleClaim) && string.Equals(c.Value, appRole, StringComparison.Ordinal));
        return actor is null ? new OperatorAuthorization(null, new UnauthorizedResult())
            : holdsRole ? new OperatorAuthorization(actor, null)
            : new OperatorAuthorization(null, new StatusCodeResult(StatusCodes.Status403Forbidden));
    }

    private static ClientPrincipal? Principal(string? header)
    {
        if (string.IsNullOrEmpty(header)) return null;
        try
        {
            return JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record ClientPrincipal(
        [property: JsonPropertyName("claims")] IReadOnlyList<ClientClaim>? Claims,
        [property: JsonPropertyName("role_typ")] string? RoleType);

    private sealed record ClientClaim([property: JsonPropertyName("typ")] string Type, [property: JsonPropertyName("val")] string Value);
}
