using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Auth;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/token</c>: the client-credentials grant of the Microsoft identity platform. Its errors
/// use the identity platform's shape (<c>error</c>, <c>error_description</c>), not Graph's.
/// </summary>
internal static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder app) => app.MapPost("/{tenant}/oauth2/v2.0/token", IssueToken);

    private static async Task<IResult> IssueToken(string tenant, HttpRequest request, SimulatorOptions options, AccessTokens tokens)
    {
        if (!string.Equals(tenant, options.TenantId, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(tenant, options.TenantDomain, StringComparison.OrdinalIgnoreCase))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", $"AADSTS90002: Tenant '{tenant}' not found.");
        }

        if (!request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "AADSTS900144: The request body must contain the 'grant_type' parameter.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        }

        if (form["client_id"] != options.ClientId)
        {
            return Error(StatusCodes.Status400BadRequest, "unauthorized_client", $"AADSTS700016: Application '{form["client_id"]}' was not found in the directory.");
        }

        if (form["client_secret"] != options.ClientSecret)
        {
            return Error(StatusCodes.Status401Unauthorized, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }

        var lifetime = (int)options.IssuedTokenLifetime.TotalSeconds;
        return Results.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = tokens.Issue(),
        });
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
