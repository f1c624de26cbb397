namespace Remediation.TenantSimulator.Graph;

/// <summary>A page of a message collection after <c>$filter</c>, <c>$select</c>, <c>$expand</c> of the message class, <c>$top</c> and <c>$skip</c>.</summary>
internal static class MessagePages
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 1000;

    public static IResult Create(HttpRequest request, IReadOnlyList<StoredMessageView> messages)
    {
        if (!ODataQuery.TryParse(request.Query, out var query, out var error) || !MessageFilter.TryParse(query.Filter, out var matches, out error))
        {
            return GraphErrors.BadRequest(error);
        }

        var preferences = GraphPreferences.From(request);
        var expandMessageClass = MessageProjection.ExpandsMessageClass(request);
        var items = messages.Where(matches).Select(m => MessageProjection.ToJson(m, preferences, query.Select, expandMessageClass)).ToList();
        return CollectionPage.Create(request, items, query.Skip, Math.Clamp(query.Top ?? DefaultPageSize, 1, MaxPageSize));
    }
}
