using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary><c>/users</c>: the tenant's users, and revoking their sign-in sessions.</summary>
internal static class UserEndpoints
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 999;

    public static void MapUserEndpoints(this IEndpointRouteBuilder graph)
    {
        graph.MapGet("/users", ListUsers);
        graph.MapGet("/users/{user}", GetUser);
        graph.MapPost("/users/{user}/revokeSignInSessions", RevokeSignInSessions);
    }

    private static IResult ListUsers(HttpRequest request, SimulatedTenant tenant)
    {
        if (!ODataQuery.TryParse(request.Query, out var query, out var error))
        {
            return GraphErrors.BadRequest(error);
        }

        var users = tenant.Mailboxes.Select(m => DirectoryProjection.User(m, query.Select)).ToList();
        return CollectionPage.Create(request, users, query.Skip, Math.Clamp(query.Top ?? DefaultPageSize, 1, MaxPageSize));
    }

    private static IResult GetUser(string user, HttpRequest request, SimulatedTenant tenant) =>
        tenant.FindMailbox(user) is { } mailbox
            ? Results.Json(DirectoryProjection.User(mailbox, Selection.Parse(ODataQuery.Read(request.Query, "select"))))
            : GraphErrors.UserNotFound(user);

    private static IResult RevokeSignInSessions(string user, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.UserNotFound(user);
        }

        if (tenant.TakeRevocationFault())
        {
            return GraphErrors.Result(StatusCodes.Status500InternalServerError, "generalException", "An injected fault: the sessions were not revoked.");
        }

        tenant.RecordSignInSessionsRevoked(mailbox.Id);
        return Results.Json(new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean", ["value"] = true });
    }
}
