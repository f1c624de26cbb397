using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Graph;
using Remediation.TenantSimulator.Model;

namespace Remediation.TenantSimulator.Delta;

/// <summary>
/// Delta queries on a folder's messages. A round of changes is served in pages linked by <c>$skiptoken</c>; the last
/// page carries a <c>$deltatoken</c> that, used later, returns what changed since: new or changed messages, and
/// <c>@removed</c> entries for messages that left the folder. Tokens stay valid, so a retried link answers again.
/// A first request may bound the round with <c>$filter=receivedDateTime ge|gt {date}</c>; its links keep the filter.
/// A filtered round returns at most <see cref="FilteredRoundLimit"/> changes, as Graph's does; the rest are counted as
/// seen all the same, so no later round returns them: a client that wants them must list the folder.
/// </summary>
internal sealed class DeltaSync(SimulatorMetrics metrics)
{
    public const string SkipToken = "$skiptoken";
    public const string DeltaToken = "$deltatoken";
    private const int DefaultPageSize = 10;

    /// <summary>"Using a $filter in a delta query only returns up to 5,000 messages" (Graph's message delta guide).</summary>
    public const int FilteredRoundLimit = 5_000;

    private readonly ConcurrentDictionary<string, DeltaSyncState> states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PendingDeltaPages> pages = new(StringComparer.Ordinal);

    public IResult Respond(HttpRequest request, SimulatedMailbox mailbox, MailFolder folder)
    {
        var preferences = GraphPreferences.From(request);
        var skipToken = ODataQuery.Read(request.Query, "skiptoken");
        var deltaToken = ODataQuery.Read(request.Query, "deltatoken");
        PendingDeltaPages round;
        if (skipToken is not null)
        {
            if (!pages.TryGetValue(skipToken, out var pending) || !BelongsTo(pending.FinalState, mailbox, folder))
            {
                return SyncStateNotFound();
            }

            round = pending;
        }
        else
        {
            DeltaSyncState known;
            if (deltaToken is not null)
            {
                if (!states.TryGetValue(deltaToken, out var state) || !BelongsTo(state, mailbox, folder))
                {
                    return SyncStateNotFound();
                }

                known = state;
            }
            else
            {
                var filter = ODataQuery.Read(request.Query, "filter");
                if (!MessageFilter.TryParseDelta(filter, out _))
                {
                    return UnsupportedFilter();
                }

                metrics.DeltaRoundStarted();
                known = new DeltaSyncState(mailbox.Id, folder.Id, Selection.Parse(ODataQuery.Read(request.Query, "select")), filter,
                    new Dictionary<string, KnownItem>());
            }

            round = ChangesSince(known, mailbox, folder, preferences);
        }

        var pageSize = preferences.MaxPageSize ?? DefaultPageSize;
        var page = round.Remaining.Take(pageSize).ToList();
        var json = new JsonObject { ["value"] = new JsonArray([.. page.Select(item => item.DeepClone())]) };
        if (round.Remaining.Count > pageSize)
        {
            var token = GraphIds.NewOpaqueToken();
            pages[token] = round with { Remaining = [.. round.Remaining.Skip(pageSize)] };
            json["@odata.nextLink"] = CollectionPage.Link(request, request.Path.ToUriComponent(), $"?{SkipToken}={token}");
        }
        else
        {
            var token = GraphIds.NewOpaqueToken();
            states[token] = round.FinalState;
            json["@odata.deltaLink"] = CollectionPage.Link(request, request.Path.ToUriComponent(), $"?{DeltaToken}={token}");
        }

        return Results.Json(json);
    }

    private static PendingDeltaPages ChangesSince(DeltaSyncState known, SimulatedMailbox mailbox, MailFolder folder, GraphPreferences preferences)
    {
        MessageFilter.TryParseDelta(known.Filter, out var matches);
        var current = mailbox.ListMessages(folder).Where(matches!).ToList();
        var changes = new List<JsonObject>();
        foreach (var message in current)
        {
            if (!known.ItemsByImmutableId.TryGetValue(message.ImmutableId, out var seen) || seen.Version != message.Version)
            {
                changes.Add(MessageProjection.ToJson(message, preferences, known.Select));
            }
        }

        var currentIds = current.Select(m => m.ImmutableId).ToHashSet(StringComparer.Ordinal);
        foreach (var (immutableId, seen) in known.ItemsByImmutableId.Where(k => !currentIds.Contains(k.Key)))
        {
            changes.Add(new JsonObject
            {
                ["id"] = preferences.ImmutableIds ? immutableId : seen.MessageId,
                ["@removed"] = new JsonObject { ["reason"] = "deleted" },
            });
        }

        var finalState = known with
        {
            ItemsByImmutableId = current.ToDictionary(m => m.ImmutableId, m => new KnownItem(m.MessageId, m.Version), StringComparer.Ordinal),
        };
        // Graph does not promise an order; the folder lists newest first, so the cut drops the oldest of the window.
        return new PendingDeltaPages(finalState, known.Filter is null ? changes : [.. changes.Take(FilteredRoundLimit)]);
    }

    private static bool BelongsTo(DeltaSyncState state, SimulatedMailbox mailbox, MailFolder folder) =>
        state.MailboxId == mailbox.Id && state.FolderId == folder.Id;

    private static IResult UnsupportedFilter() =>
        GraphErrors.Result(StatusCodes.Status400BadRequest, "ErrorInvalidUrlQuery",
            "The '$filter' parameter value is not supported for 'Messages' resource; only a value of 'receivedDateTime ge value' is supported.");

    private static IResult SyncStateNotFound() =>
        GraphErrors.Result(StatusCodes.Status400BadRequest, "syncStateNotFound", "The sync state generation is not found or has expired.");
}
