using System.Text.Json.Nodes;

namespace Remediation.TenantSimulator.Graph;

/// <summary>Directory objects: one by id, or a page after the query's address <c>$filter</c>, <c>$select</c>, <c>$top</c> and <c>$skip</c>.</summary>
internal static class DirectoryPages
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 999;

    /// <param name="all">Every object of the kind, listed only when the query has no filter.</param>
    /// <param name="holding">The object of the kind holding an address, or null: a filter looks up the address book
    /// rather than every object, so a lookup in a tenant of 100,000 users stays cheap.</param>
    public static IResult Filtered<T>(
        HttpRequest request,
        Func<IEnumerable<T>> all,
        Func<string, T?> holding,
        Func<T, RecipientAddresses> addresses,
        Func<T, Selection, JsonObject> project)
        where T : class
    {
        if (!ODataQuery.TryParse(request.Query, out var query, out var error))
        {
            return GraphErrors.BadRequest(error);
        }

        if (!DirectoryFilter.TryParse(query.Filter, out var filter, out error))
        {
            return GraphErrors.UnsupportedQuery(error);
        }

        var candidates = filter.Address is null ? all() : holding(filter.Address) is { } one ? [one] : [];
        var page = candidates.Where(o => filter.Matches(addresses(o))).Select(o => project(o, query.Select)).ToList();
        return CollectionPage.Create(request, page, query.Skip, PageSize(query));
    }

    /// <summary>One directory object by id, with the request's <c>$select</c>; 404 when there is none.</summary>
    public static IResult One<T>(HttpRequest request, string id, T? found, Func<T, Selection, JsonObject> project)
        where T : class =>
        found is null
            ? GraphErrors.ResourceNotFound(id)
            : Results.Json(project(found, Selection.Parse(ODataQuery.Read(request.Query, "select"))));

    /// <summary>Directory collections: 100 objects a page unless <c>$top</c> asks for up to 999.</summary>
    public static int PageSize(ODataQuery query) => Math.Clamp(query.Top ?? DefaultPageSize, 1, MaxPageSize);
}
