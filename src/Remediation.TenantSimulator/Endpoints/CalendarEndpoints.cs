using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Graph;
using Remediation.TenantSimulator.Model;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary>
/// <c>/users/{user}/events</c>: the calendar entries meeting requests made, read and declined. Every request needs
/// <c>Calendars.ReadWrite</c>.
/// </summary>
internal static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder graph)
    {
        graph.MapGet("/users/{user}/events", ListEvents);
        graph.MapGet("/users/{user}/events/{eventId}", GetEvent);
        graph.MapPost("/users/{user}/events/{eventId}/decline", DeclineEvent);
    }

    /// <summary>The <c>event</c> resource of a calendar entry.</summary>
    public static JsonObject ToJson(CalendarEntry entry) => new()
    {
        ["@odata.type"] = "#microsoft.graph.event",
        ["id"] = entry.Id,
        ["subject"] = entry.Subject,
        ["responseStatus"] = new JsonObject { ["response"] = "tentativelyAccepted" },
    };

    private static IResult ListEvents(string user, SimulatedTenant tenant) =>
        Calendar(user, tenant, mailbox => Results.Json(new JsonObject { ["value"] = new JsonArray([.. mailbox.Calendar.Select(ToJson)]) }));

    private static IResult GetEvent(string user, string eventId, SimulatedTenant tenant) =>
        Calendar(user, tenant, mailbox => mailbox.FindCalendarEntry(eventId) is { } entry ? Results.Json(ToJson(entry)) : GraphErrors.ItemNotFound());

    // Graph answers 202 Accepted; sendResponse is true unless the request says otherwise.
    private static async Task<IResult> DeclineEvent(string user, string eventId, HttpRequest request, SimulatedTenant tenant)
    {
        var body = await RequestJson.ReadAsync<DeclineRequest>(request);
        return Calendar(user, tenant, mailbox => tenant.DeclineCalendarEntry(mailbox.Id, eventId, body?.SendResponse ?? true)
            ? Results.Accepted()
            : GraphErrors.ItemNotFound());
    }

    private static IResult Calendar(string user, SimulatedTenant tenant, Func<SimulatedMailbox, IResult> answer) =>
        tenant.FindMailbox(user) is not { } mailbox ? GraphErrors.MailboxNotFound(user)
        : !tenant.CalendarsPermitted ? GraphErrors.AccessDenied()
        : answer(mailbox);

    private sealed record DeclineRequest(string? Comment, bool? SendResponse);
}
