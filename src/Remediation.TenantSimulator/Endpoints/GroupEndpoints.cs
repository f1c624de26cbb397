using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary>
/// <c>/groups</c>: mail-enabled groups found by a <c>$filter</c> on their addresses, and the users in a group through
/// nested groups too (https://learn.microsoft.com/graph/api/group-list-transitivemembers).
/// </summary>
internal static class GroupEndpoints
{
    private static readonly string[] UserCasts = ["microsoft.graph.user", "graph.user"];

    public static void MapGroupEndpoints(this IEndpointRouteBuilder graph)
    {
        graph.MapGet("/groups", ListGroups);
        graph.MapGet("/groups/{group}", GetGroup);
        graph.MapGet("/groups/{group}/transitiveMembers/{cast}", ListTransitiveMembers);
    }

    private static IResult ListGroups(HttpRequest request, SimulatedTenant tenant) =>
        DirectoryPages.Filtered(request, () => tenant.Groups, tenant.RecipientHolding<SimulatedGroup>, g => g.Addresses, DirectoryProjection.Group);

    private static IResult GetGroup(string group, HttpRequest request, SimulatedTenant tenant) =>
        DirectoryPages.One(request, group, tenant.FindGroup(group), DirectoryProjection.Group);

    // The page documents an OData cast on transitiveMembers as an advanced query: ConsistencyLevel: eventual and
    // $count=true, or 400 Request_UnsupportedQuery. The SDK's request builder names the cast graph.user.
    private static IResult ListTransitiveMembers(string group, string cast, HttpRequest request, SimulatedTenant tenant)
    {
        if (!UserCasts.Contains(cast, StringComparer.OrdinalIgnoreCase))
        {
            return GraphErrors.UnsupportedQuery($"The simulator casts transitive members to users only, not '{cast}'.");
        }

        if (!request.Headers["ConsistencyLevel"].ToString().Equals("eventual", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(ODataQuery.Read(request.Query, "count"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return GraphErrors.UnsupportedQuery("An OData cast on transitiveMembers needs the ConsistencyLevel: eventual header and $count=true.");
        }

        if (!ODataQuery.TryParse(request.Query, out var query, out var error))
        {
            return GraphErrors.BadRequest(error);
        }

        if (query.Filter is not null)
        {
            return GraphErrors.UnsupportedQuery($"The simulator does not filter transitive members: '{query.Filter}'.");
        }

        if (tenant.FindGroup(group) is not { } found)
        {
            return GraphErrors.ResourceNotFound(group);
        }

        var users = tenant.TransitiveMembers(found).Select(user =>
        {
            var json = DirectoryProjection.User(user, query.Select);
            json["@odata.type"] = DirectoryProjection.UserType;
            return json;
        }).ToList();
        return CollectionPage.Create(request, users, query.Skip, DirectoryPages.PageSize(query), withCount: true);
    }
}
