using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary>
/// <c>/users</c>: the tenant's users, found by id or user principal name (not by any other address, as in Graph) or by
/// a <c>$filter</c> on their addresses, and revoking their sign-in sessions.
/// </summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder graph)
    {
        graph.MapGet("/users", ListUsers);
        graph.MapGet("/users/{user}", GetUser);
        graph.MapPost("/users/{user}/revokeSignInSessions", RevokeSignInSessions);
    }

    private static IResult ListUsers(HttpRequest request, SimulatedTenant tenant) =>
        DirectoryPages.Filtered(request, () => tenant.Mailboxes, tenant.RecipientHolding<SimulatedMailbox>, m => m.Addresses, DirectoryProjection.User);

    private static IResult GetUser(string user, HttpRequest request, SimulatedTenant tenant) =>
        DirectoryPages.One(request, user, tenant.FindMailbox(user), DirectoryProjection.User);

    private static IResult RevokeSignInSessions(string user, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.ResourceNotFound(user);
        }

        if (tenant.TakeRevocationFault())
        {
            return GraphErrors.Result(StatusCodes.Status500InternalServerError, "generalException", "An injected fault: the sessions were not revoked.");
        }

        tenant.RecordSignInSessionsRevoked(mailbox.Id);
        return Results.Json(new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean", ["value"] = true });
    }
}
