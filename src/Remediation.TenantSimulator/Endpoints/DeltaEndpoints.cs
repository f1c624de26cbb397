using Remediation.TenantSimulator.Delta;
using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary><c>/users/{user}/mailFolders/{folder}/messages/delta</c>, also spelled <c>delta()</c> as the SDK does.</summary>
internal static class DeltaEndpoints
{
    public static void MapDeltaEndpoints(this IEndpointRouteBuilder graph)
    {
        graph.MapGet("/users/{user}/mailFolders/{folder}/messages/delta", FolderDelta);
        graph.MapGet("/users/{user}/mailFolders/{folder}/messages/delta()", FolderDelta);
    }

    private static IResult FolderDelta(string user, string folder, HttpRequest request, SimulatedTenant tenant, DeltaSync delta)
    {
        if (tenant.FindMailbox(user) is not { } mailbox)
        {
            return GraphErrors.MailboxNotFound(user);
        }

        return mailbox.FindFolder(folder) is { } found ? delta.Respond(request, mailbox, found) : GraphErrors.FolderNotFound();
    }
}
