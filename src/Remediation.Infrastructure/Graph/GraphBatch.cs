using System.Net;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace Remediation.Infrastructure.Graph;

/// <summary>Graph's JSON batching: at most twenty requests in one, each answered on its own.</summary>
internal static class GraphBatch
{
    public const int MaxItems = 20;

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    /// <summary>
    /// One request per item, at most <see cref="MaxItems"/> of them, in one batch. Graph throttles and fails the items of
    /// a batch one by one and the client retries only whole requests, so an item whose answer is not a success is asked
    /// again on its own (<paramref name="alone"/>), where the retry handler and the single call's error handling apply.
    /// </summary>
    public static async Task<List<TResult>> AskEachAsync<TItem, TResult>(
        GraphServiceClient graph,
        IReadOnlyList<TItem> items,
        Func<TItem, RequestInformation> request,
        Func<BatchResponseContentCollection, string, TItem, Task<TResult>> read,
        Func<TItem, Task<TResult>> alone,
        CancellationToken cancellationToken)
    {
        var batch = new BatchRequestContentCollection(graph);
        var steps = new List<string>();
        foreach (var item in items) steps.Add(await batch.AddBatchRequestStepAsync(request(item)));
        var answers = await graph.Batch.PostAsync(batch, cancellationToken);
        var statuses = await answers.GetResponsesStatusCodesAsync();
        var results = new List<TResult>();
        foreach (var (item, step) in items.Zip(steps))
        {
            results.Add(IsSuccess(statuses[step]) ? await read(answers, step, item) : await alone(item));
        }
        return results;
    }
}
