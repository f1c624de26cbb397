using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary><c>/users/{user}/mailFolders</c>: listing, reading and creating folders, and a folder's messages.</summary>
internal static class MailFolderEndpoints
{
    public static void MapMailFolderEndpoints(this IEndpointRouteBuilder graph)
    {
        graph.MapGet("/users/{user}/mailFolders", ListFolders);
        graph.MapPost("/users/{user}/mailFolders", CreateFolder);
        graph.MapGet("/users/{user}/mailFolders/{folder}", GetFolder);
        graph.MapGet("/users/{user}/mailFolders/{folder}/messages", ListFolderMessages);
    }

    private static IResult ListFolders(string user, HttpRequest request, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        if (!ODataQuery.TryParse(request.Query, out var query, out var error))
        {
            return GraphErrors.BadRequest(error);
        }

        var includeHidden = string.Equals(request.Query["includeHiddenFolders"], "true", StringComparison.OrdinalIgnoreCase);
        var folders = mailbox.ListFolders(includeHidden).Select(DirectoryProjection.Folder).ToList();
        return CollectionPage.Create(request, folders, query.Skip, Math.Clamp(query.Top ?? MessagePages.DefaultPageSize, 1, MessagePages.MaxPageSize));
    }

    private static IResult GetFolder(string user, string folder, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        return mailbox.FindFolder(folder) is { } found
            ? Results.Json(DirectoryProjection.Folder(mailbox.Describe(found)))
            : GraphErrors.FolderNotFound();
    }

    private static async Task<IResult> CreateFolder(string user, HttpRequest request, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        if (await RequestJson.ReadAsync<NewFolder>(request) is not { DisplayName: { Length: > 0 } displayName } body)
        {
            return GraphErrors.BadRequest("A folder needs a displayName.");
        }

        return mailbox.CreateFolder(displayName, body.IsHidden ?? false) is { } created
            ? Results.Json(DirectoryProjection.Folder(mailbox.Describe(created)), statusCode: StatusCodes.Status201Created)
            : GraphErrors.Result(StatusCodes.Status400BadRequest, "ErrorFolderExists", "A folder with the specified name already exists.");
    }

    private static IResult ListFolderMessages(string user, string folder, HttpRequest request, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        return mailbox.FindFolder(folder) is { } found
            ? MessagePages.Create(request, mailbox.ListMessages(found))
            : GraphErrors.FolderNotFound();
    }

    private sealed record NewFolder(string? DisplayName, bool? IsHidden);
}
