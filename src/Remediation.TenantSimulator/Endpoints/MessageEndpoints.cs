using System.Net.Mime;
using Remediation.TenantSimulator.Graph;
using Remediation.TenantSimulator.Model;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary><c>/users/{user}/messages</c>: reading, the raw MIME, moving and deleting.</summary>
internal static class MessageEndpoints
{
    public static void MapMessageEndpoints(this IEndpointRouteBuilder graph)
    {
        graph.MapGet("/users/{user}/messages", ListMessages);
        graph.MapGet("/users/{user}/messages/{messageId}", GetMessage);
        graph.MapGet("/users/{user}/messages/{messageId}/$value", GetMime);
        graph.MapPost("/users/{user}/messages/{messageId}/move", MoveMessage);
        graph.MapDelete("/users/{user}/messages/{messageId}", DeleteMessage);
        graph.MapPost("/users/{user}/messages/{messageId}/permanentDelete", PermanentlyDeleteMessage);
    }

    private static IResult ListMessages(string user, HttpRequest request, SimulatedTenant tenant) =>
        tenant.FindMailbox(user) is { } mailbox
            ? MessagePages.Create(request, mailbox.ListMessages(folder: null))
            : GraphErrors.MailboxNotFound(user);

    private static IResult GetMessage(string user, string messageId, HttpRequest request, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        var select = Selection.Parse(ODataQuery.Read(request.Query, "select"));
        if (mailbox.FindMessage(messageId) is not { } message)
        {
            return GraphErrors.ItemNotFound();
        }

        var json = MessageProjection.ToJson(message, GraphPreferences.From(request), select, MessageProjection.ExpandsMessageClass(request));
        if (ExpandsEvent(request) && ItemClasses.EventMessage(message.Content.ItemClass) is not null)
        {
            // The event is the calendar's: expanding it needs the calendar permission too.
            if (!tenant.CalendarsPermitted)
            {
                return GraphErrors.AccessDenied();
            }

            json["event"] = mailbox.CalendarEntryOf(messageId) is { } entry ? CalendarEndpoints.ToJson(entry) : null;
        }

        return Results.Json(json);
    }

    // $expand=microsoft.graph.eventMessage/event, with or without options in parentheses.
    private static bool ExpandsEvent(HttpRequest request) =>
        ODataQuery.Read(request.Query, "expand") is { } expand
        && expand.Contains("microsoft.graph.eventMessage/event", StringComparison.OrdinalIgnoreCase);

    private static IResult GetMime(string user, string messageId, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        return mailbox.FindMessage(messageId) switch
        {
            null => GraphErrors.ItemNotFound(),
            // A Teams chat item has no MIME form: Graph lists it with mail but cannot export it.
            { Content.ItemClass: ItemClasses.TeamsChat } => GraphErrors.Result(
                StatusCodes.Status400BadRequest, "ErrorMimeContentConversionFailed", "The item could not be converted to MIME."),
            var message => Results.Text(message.Mime, MediaTypeNames.Text.Plain),
        };
    }

    private static async Task<IResult> MoveMessage(string user, string messageId, HttpRequest request, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        if (await RequestJson.ReadAsync<MoveRequest>(request) is not { DestinationId: { Length: > 0 } destinationId })
        {
            return GraphErrors.BadRequest("A move needs a destinationId.");
        }

        if (mailbox.FindFolder(destinationId) is not { } destination)
        {
            return GraphErrors.FolderNotFound();
        }

        return mailbox.Move(messageId, destination) is { } moved
            ? Results.Json(MessageProjection.ToJson(moved, GraphPreferences.From(request), Selection.Defaults), statusCode: StatusCodes.Status201Created)
            : GraphErrors.ItemNotFound();
    }

    /// <summary>A soft delete: like Exchange, the item moves to Recoverable Items and can still be restored.</summary>
    private static IResult DeleteMessage(string user, string messageId, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        var recoverableItems = mailbox.FindFolder(WellKnownFolders.RecoverableItemsDeletions)!;
        return mailbox.Move(messageId, recoverableItems) is null ? GraphErrors.ItemNotFound() : Results.NoContent();
    }

    private static IResult PermanentlyDeleteMessage(string user, string messageId, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        return mailbox.PermanentlyDelete(messageId) ? Results.NoContent() : GraphErrors.ItemNotFound();
    }

    private sealed record MoveRequest(string? DestinationId);
}
