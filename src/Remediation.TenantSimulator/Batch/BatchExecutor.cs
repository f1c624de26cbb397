using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Batch;

/// <summary>
/// Runs the items of a JSON batch through the server's own pipeline, at most four at once as Outlook does, each
/// after the items it depends on; an item whose dependency failed gets 424. Responses are listed in completion order.
/// </summary>
internal sealed class BatchExecutor(GraphPipeline pipeline, IServiceScopeFactory scopes)
{
    public const int MaxRequests = 20;
    private const int MaxItemsAtOnce = 4;

    // The mailboxes a batch's items have reached so far, shared by its items' contexts: a batch is one round trip.
    private const string MailboxesReached = "batch:mailboxes";

    /// <summary>
    /// Whether this admitted request is the first of its batch to reach the mailbox, or is no batch item at all: either
    /// way one round trip to the mailbox.
    /// </summary>
    public static bool FirstItemFor(HttpContext context, string mailboxId)
    {
        if (context.Items[MailboxesReached] is not HashSet<string> reached) return true;
        lock (reached)
        {
            return reached.Add(mailboxId);
        }
    }

    public async Task<IResult> ExecuteAsync(HttpContext batchContext, BatchRequest batch)
    {
        if (Validate(batch) is { } error)
        {
            return GraphErrors.BadRequest(error);
        }

        var ordered = DependencyOrder(batch.Requests!);
        if (ordered is null)
        {
            return GraphErrors.BadRequest("The dependsOn references of the batch form a cycle.");
        }

        var responses = new ConcurrentQueue<JsonObject>();
        batchContext.Items[MailboxesReached] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var slots = new SemaphoreSlim(MaxItemsAtOnce);
        var statuses = new Dictionary<string, Task<int>>(StringComparer.Ordinal);
        foreach (var item in ordered)
        {
            var dependencies = (item.DependsOn ?? []).Select(d => statuses[d]).ToArray();
            statuses[item.Id!] = RunAsync(item, dependencies);
        }

        await Task.WhenAll(statuses.Values);
        return Results.Json(new JsonObject { ["responses"] = new JsonArray([.. responses]) });

        async Task<int> RunAsync(BatchRequestItem item, Task<int>[] dependencies)
        {
            JsonObject response;
            if ((await Task.WhenAll(dependencies)).Any(status => status is < 200 or >= 300))
            {
                response = Response(item.Id!, StatusCodes.Status424FailedDependency, new JsonObject(),
                    GraphErrors.Body("FailedDependency", "A request this request depends on failed."));
            }
            else
            {
                await slots.WaitAsync(batchContext.RequestAborted);
                try
                {
                    response = await ExecuteItemAsync(batchContext, item);
                }
                finally
                {
                    slots.Release();
                }
            }

            responses.Enqueue(response);
            return (int)response["status"]!;
        }
    }

    private async Task<JsonObject> ExecuteItemAsync(HttpContext batchContext, BatchRequestItem item)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = batchContext.RequestAborted };
        context.Items[MailboxesReached] = batchContext.Items[MailboxesReached];
        var request = context.Request;
        var (path, query) = SplitUrl(item.Url!);
        request.Method = item.Method!.ToUpperInvariant();
        request.Protocol = batchContext.Request.Protocol;
        request.Scheme = batchContext.Request.Scheme;
        request.Host = batchContext.Request.Host;
        request.PathBase = batchContext.Request.PathBase;
        request.Path = new PathString("/v1.0").Add(PathString.FromUriComponent(path));
        request.QueryString = new QueryString(query);
        request.Headers.Authorization = batchContext.Request.Headers.Authorization;
        foreach (var (name, value) in item.Headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        if (item.Body is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } body)
        {
            var bytes = Encoding.UTF8.GetBytes(body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText());
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
            request.ContentType ??= "application/json";
        }

        using var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        await pipeline.Invoke(context);
        await context.Response.CompleteAsync();

        var headers = new JsonObject();
        foreach (var (name, value) in context.Response.Headers)
        {
            headers[name] = value.ToString();
        }

        return Response(item.Id!, context.Response.StatusCode, headers, ReadBody(responseBody.ToArray(), context.Response.ContentType));
    }

    /// <summary>JSON bodies are embedded as JSON; anything else is base64, as Graph does.</summary>
    private static JsonNode? ReadBody(byte[] body, string? contentType) =>
        body.Length == 0 ? null
        : contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true ? JsonNode.Parse(body)
        : JsonValue.Create(Convert.ToBase64String(body));

    private static JsonObject Response(string id, int status, JsonObject headers, JsonNode? body)
    {
        var response = new JsonObject { ["id"] = id, ["status"] = status, ["headers"] = headers };
        if (body is not null)
        {
            response["body"] = body;
        }

        return response;
    }

    private static string? Validate(BatchRequest batch)
    {
        if (batch.Requests is not { Count: > 0 } items)
        {
            return "The batch request has no requests.";
        }

        if (items.Count > MaxRequests)
        {
            return $"The batch request has {items.Count} requests; the limit is {MaxRequests}.";
        }

        if (items.Any(i => string.IsNullOrEmpty(i.Id) || string.IsNullOrEmpty(i.Method) || string.IsNullOrEmpty(i.Url)))
        {
            return "Every request of a batch needs an id, a method and a url.";
        }

        var ids = items.Select(i => i.Id!).ToList();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            return "The ids of the requests in a batch must be unique.";
        }

        if (items.Any(i => Uri.TryCreate(i.Url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)))
        {
            return "The urls of batch requests must be relative.";
        }

        return items.SelectMany(i => i.DependsOn ?? []).FirstOrDefault(d => !ids.Contains(d)) is { } unknown
            ? $"dependsOn refers to an unknown request id '{unknown}'."
            : null;
    }

    /// <summary>The items ordered so that each comes after its dependencies, or null when they form a cycle.</summary>
    private static List<BatchRequestItem>? DependencyOrder(IReadOnlyList<BatchRequestItem> items)
    {
        var ordered = new List<BatchRequestItem>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < items.Count)
        {
            var ready = items.Where(i => !placed.Contains(i.Id!) && (i.DependsOn ?? []).All(placed.Contains)).ToList();
            if (ready.Count == 0)
            {
                return null;
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready.Select(i => i.Id!));
        }

        return ordered;
    }

    private static (string Path, string Query) SplitUrl(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        var query = question < 0 ? string.Empty : url[question..];
        return (path.StartsWith('/') ? path : "/" + path, query);
    }
}
