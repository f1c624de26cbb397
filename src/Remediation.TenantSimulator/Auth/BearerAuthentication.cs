using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Auth;

/// <summary>Refuses Graph requests without a valid bearer token, with Graph's 401 answer.</summary>
internal sealed class BearerAuthentication(RequestDelegate next, AccessTokens tokens, SimulatorMetrics metrics)
{
    private const string Scheme = "Bearer ";

    public Task InvokeAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && tokens.IsValid(authorization[Scheme.Length..].Trim()))
        {
            metrics.GraphRequestAuthenticated(KindOf(context));
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\"";
        var message = authorization.Length == 0 ? "Access token is empty." : "IDX14100: JWT is not well formed.";
        return GraphErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", message);
    }

    // Routing has run: the matched route's pattern names the kind, whatever the ids in the path.
    private static string KindOf(HttpContext context) =>
        $"{context.Request.Method} {(context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value}";
}
