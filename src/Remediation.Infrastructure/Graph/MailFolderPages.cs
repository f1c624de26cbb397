using System.Runtime.CompilerServices;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Remediation.Infrastructure.Graph;

/// <summary>
/// Folder listings read to their last page. Graph lists 10 folders a page unless asked for more, so a mailbox with
/// many folders is only fully seen through <c>@odata.nextLink</c>.
/// </summary>
internal static class MailFolderPages
{
    /// <summary>Folders asked for per page: a mailbox of ordinary size is one request, a large one a few.</summary>
    public const int PageSize = 100;

    public static async IAsyncEnumerable<MailFolder> ReadAllAsync(
        GraphServiceClient graph, string mailboxId, MailFolderCollectionResponse? page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (page is not null)
        {
            foreach (var folder in page.Value ?? [])
            {
                if (folder.Id is not null) yield return folder;
            }
            page = page.OdataNextLink is null ? null
                : await graph.Users[mailboxId].MailFolders.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken);
        }
    }
}
