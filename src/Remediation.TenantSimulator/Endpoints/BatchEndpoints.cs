using Remediation.TenantSimulator.Batch;
using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary><c>POST /$batch</c>: JSON batching.</summary>
internal static class BatchEndpoints
{
    public const string Path = "/$batch";

    public static void MapBatchEndpoints(this IEndpointRouteBuilder graph) => graph.MapPost(Path, ExecuteBatch);

    private static async Task<IResult> ExecuteBatch(HttpContext context, BatchExecutor executor) =>
        await RequestJson.ReadAsync<BatchRequest>(context.Request) is { } batch
            ? await executor.ExecuteAsync(context, batch)
            : GraphErrors.BadRequest("The request body is not a JSON batch.");
}
