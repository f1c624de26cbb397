using System.Text;
using System.Text.Json.Nodes;

namespace Remediation.TenantSimulator.Graph;

/// <summary>
/// One page of a collection with an absolute <c>@odata.nextLink</c> back to this server, which the SDK's page
/// iterator follows as given.
/// </summary>
internal static class CollectionPage
{
    /// <param name="withCount">Whether to add <c>@odata.count</c>, the size of the whole collection (<c>$count=true</c>).</param>
    public static IResult Create(HttpRequest request, IReadOnlyList<JsonObject> items, int skip, int pageSize, bool withCount = false)
    {
        var page = items.Skip(skip).Take(pageSize).ToList();
        var json = new JsonObject();
        if (withCount)
        {
            json["@odata.count"] = items.Count;
        }

        json["value"] = new JsonArray([.. page]);
        if (skip + page.Count < items.Count)
        {
            json["@odata.nextLink"] = LinkWith(request, "$skip", (skip + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Results.Json(json);
    }

    /// <summary>This request's absolute URL with one query option set, the others kept.</summary>
    public static string LinkWith(HttpRequest request, string option, string value)
    {
        var bare = option.TrimStart('$');
        var query = new StringBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (key.TrimStart('$').Equals(bare, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var item in values)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(Escape(key)).Append('=').Append(Escape(item ?? string.Empty));
            }
        }

        query.Append(query.Length == 0 ? '?' : '&').Append(option).Append('=').Append(Escape(value));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path.ToUriComponent()}{query}";
    }

    /// <summary>A link to this server for another path.</summary>
    public static string Link(HttpRequest request, string path, string query) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{path}{query}";

    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%24", "$", StringComparison.Ordinal);
}
