using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary>
/// <c>/users/{user}/mailFolders</c>: listing, reading and creating folders (at the top of the tree and under another
/// folder), and a folder's messages. Listings are one level deep and paged, 10 folders by default, as Graph's are.
/// </summary>
internal static class MailFolderEndpoints
{
    public static void MapMailFolderEndpoints(this IEndpointRouteBuilder graph)
    {
        graph.MapGet("/users/{user}/mailFolders", (string user, HttpRequest request, SimulatedTenant tenant) => ListFolders(user, null, request, tenant));
        graph.MapPost("/users/{user}/mailFolders", (string user, HttpRequest request, SimulatedTenant tenant) => CreateFolder(user, null, request, tenant));
        graph.MapGet("/users/{user}/mailFolders/{folder}", GetFolder);
        graph.MapGet("/users/{user}/mailFolders/{folder}/childFolders", ListFolders);
        graph.MapPost("/users/{user}/mailFolders/{folder}/childFolders", CreateFolder);
        graph.MapGet("/users/{user}/mailFolders/{folder}/messages", ListFolderMessages);
    }

    /// <param name="folder">The parent; null for the top of the tree.</param>
    private static IResult ListFolders(string user, string? folder, HttpRequest request, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        if (!ODataQuery.TryParse(request.Query, out var query, out var error))
        {
            return GraphErrors.BadRequest(error);
        }

        if (!TryFindParent(mailbox, folder, out var parentId))
        {
            return GraphErrors.FolderNotFound();
        }

        var includeHidden = string.Equals(request.Query["includeHiddenFolders"], "true", StringComparison.OrdinalIgnoreCase);
        var folders = mailbox.ListFolders(parentId, includeHidden).Select(DirectoryProjection.Folder).ToList();
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

    /// <param name="folder">The parent; null for the top of the tree.</param>
    private static async Task<IResult> CreateFolder(string user, string? folder, HttpRequest request, SimulatedTenant tenant)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        if (!TryFindParent(mailbox, folder, out var parentId))
        {
            return GraphErrors.FolderNotFound();
        }

        if (await RequestJson.ReadAsync<NewFolder>(request) is not { DisplayName: { Length: > 0 } displayName } body)
        {
            return GraphErrors.BadRequest("A folder needs a displayName.");
        }

        return mailbox.CreateFolder(parentId, displayName, body.IsHidden ?? false) is { } created
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

    /// <summary>The parent folder's id; null (the top of the tree) when <paramref name="folder"/> is null.</summary>
    private static bool TryFindParent(SimulatedMailbox mailbox, string? folder, out string? parentId)
    {
        parentId = folder is null ? null : mailbox.FindFolder(folder)?.Id;
        return folder is null || parentId is not null;
    }

    private sealed record NewFolder(string? DisplayName, bool? IsHidden);
}
