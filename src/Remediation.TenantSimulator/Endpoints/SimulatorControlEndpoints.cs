using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary>
/// <c>/simulator/…</c>: what happens to the tenant from outside Graph, for standalone use: mail arriving through
/// transport, mail appended over IMAP, lifecycle events, and change notifications dropped without a word. No
/// authentication, like a test harness.
/// </summary>
internal static class SimulatorControlEndpoints
{
    public static void MapSimulatorControlEndpoints(this IEndpointRouteBuilder app)
    {
        var simulator = app.MapGroup("/simulator");
        simulator.MapPost("/transport", DeliverThroughTransport);
        simulator.MapPost("/users/{user}/append", AppendAsImap);
        simulator.MapPost("/subscriptions/{id}/lifecycle/{lifecycleEvent}", RaiseLifecycleEvent);
        simulator.MapPost("/notifications/drop", (SimulatedTenant tenant) => SetDropping(tenant, true));
        simulator.MapPost("/notifications/deliver", (SimulatedTenant tenant) => SetDropping(tenant, false));
    }

    private static IResult SetDropping(SimulatedTenant tenant, bool drop)
    {
        tenant.DropChangeNotifications = drop;
        return Results.NoContent();
    }

    private static async Task<IResult> DeliverThroughTransport(HttpRequest request, SimulatedTenant tenant)
    {
        var delivered = tenant.DeliverThroughTransport(await ReadTextAsync(request));
        return Results.Json(new JsonObject { ["value"] = new JsonArray([.. delivered.Select(Describe)]) });
    }

    private static async Task<IResult> AppendAsImap(string user, string? folder, HttpRequest request, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        var target = folder ?? WellKnownFolders.Inbox;
        try
        {
            mailbox.ResolveFolderId(target);
        }
        catch (KeyNotFoundException)
        {
            return GraphErrors.FolderNotFound();
        }

        return Results.Json(Describe(tenant.AppendAsImap(mailbox.Id, await ReadTextAsync(request), target)), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RaiseLifecycleEvent(string id, string lifecycleEvent, SimulatedTenant tenant)
    {
        if (Notifications.LifecycleEvents.Normalize(lifecycleEvent) is null)
        {
            return GraphErrors.BadRequest($"Unknown lifecycle event '{lifecycleEvent}'.");
        }

        try
        {
            await tenant.RaiseLifecycleEventAsync(id, lifecycleEvent);
            return Results.Accepted();
        }
        catch (KeyNotFoundException)
        {
            return GraphErrors.SubscriptionNotFound(id);
        }
    }

    private static async Task<string> ReadTextAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    private static JsonNode Describe(DeliveredMessage message) => new JsonObject
    {
        ["mailboxId"] = message.MailboxId,
        ["messageId"] = message.MessageId,
        ["immutableId"] = message.ImmutableId,
        ["internetMessageId"] = message.InternetMessageId,
    };
}
