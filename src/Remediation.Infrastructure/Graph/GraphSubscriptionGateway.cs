using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Remediation.Core.Mailboxes;
using Remediation.Core.Subscriptions;

namespace Remediation.Infrastructure.Graph;

/// <summary>The subscription port over Microsoft Graph: users, subscriptions, the folder tree, folder delta.</summary>
public sealed class GraphSubscriptionGateway(GraphServiceClient graph) : ISubscriptionGateway
{
    private static readonly string[] FolderFields = ["id", "displayName", "childFolderCount"];

    // "Using a $filter in a delta query only returns up to 5,000 messages" (Graph's message delta guide).
    private const int FilteredDeltaLimit = 5_000;

    // The largest page a message listing gives.
    private const int MaxListPage = 1_000;

    public async IAsyncEnumerable<string> ListMailboxesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Top = 999;
        }, cancellationToken);
        while (page is not null)
        {
            foreach (var user in page.Value ?? [])
            {
                if (user.Id is not null) yield return user.Id;
            }
            page = page.OdataNextLink is null ? null : await graph.Users.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken);
        }
    }

    public async Task<MailboxSubscription> CreateAsync(string mailboxId, SubscriptionRequest request, CancellationToken cancellationToken)
    {
        // Every folder of the mailbox: appended mail may be put anywhere, not only in the Inbox.
        Subscription? created;
        try
        {
            created = await graph.Subscriptions.PostAsync(new Subscription
            {
                ChangeType = MailboxSubscription.ChangeType,
                Resource = $"users/{mailboxId}/messages",
                NotificationUrl = request.NotificationUrl,
                LifecycleNotificationUrl = request.LifecycleNotificationUrl,
                ClientState = request.ClientState,
                ExpirationDateTime = request.ExpiresAt,
            }, cancellationToken: cancellationToken);
        }
        catch (ODataError error) when (NoMailboxToSubscribe(error))
        {
            // The wrapped refusal says what the mailbox itself says elsewhere.
            var reason = error.Error?.Code == "ExtensionError" ? "MailboxNotEnabledForRESTAPI" : error.Error?.Code ?? $"HTTP {error.ResponseStatusCode}";
            throw new MailboxUnavailableException(mailboxId, reason, error);
        }
        if (created is null) throw new InvalidDataException($"Graph returned no subscription for mailbox {mailboxId}.");
        return new MailboxSubscription(mailboxId, created.Id!, created.ExpirationDateTime ?? request.ExpiresAt);
    }

    // A guest, an unlicensed user, a mailbox on premises or outside the app's Exchange scope. The subscriptions service
    // wraps the mailbox's refusal in an ExtensionError ("Status Code: NotFound; Reason: REST API is not yet supported for
    // this mailbox"), as a 404 or a 500.
    private static bool NoMailboxToSubscribe(ODataError error) =>
        error.Error?.Code == "MailboxNotEnabledForRESTAPI" || error.ResponseStatusCode == 403
        || (error.Error?.Code == "ExtensionError" && error.Error.Message is { } message
            && (message.Contains("Status Code: NotFound", StringComparison.OrdinalIgnoreCase) || message.Contains("not yet supported for this mailbox", StringComparison.OrdinalIgnoreCase)));

    public async Task<DateTimeOffset?> RenewAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            var renewed = await graph.Subscriptions[subscriptionId].PatchAsync(new Subscription { ExpirationDateTime = expiresAt }, cancellationToken: cancellationToken);
            return renewed?.ExpirationDateTime ?? expiresAt;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    public async Task<bool> ReauthorizeAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            await graph.Subscriptions[subscriptionId].Reauthorize.PostAsync(cancellationToken: cancellationToken);
            return true;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<ListedFolder> ListFoldersAsync(string mailboxId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Graph lists one level at a time: the top of the tree, then each folder's children where it says it has some.
        var levels = new Stack<(string? ParentId, int Depth)>();
        levels.Push((null, 0));
        while (levels.TryPop(out var level))
        {
            var first = level.ParentId is null
                ? await graph.Users[mailboxId].MailFolders.GetAsync(r =>
                {
                    r.QueryParameters.Top = MailFolderPages.PageSize;
                    r.QueryParameters.Select = FolderFields;
                }, cancellationToken)
                : await graph.Users[mailboxId].MailFolders[level.ParentId].ChildFolders.GetAsync(r =>
                {
                    r.QueryParameters.Top = MailFolderPages.PageSize;
                    r.QueryParameters.Select = FolderFields;
                }, cancellationToken);
            await foreach (var folder in MailFolderPages.ReadAllAsync(graph, mailboxId, first, cancellationToken))
            {
                yield return new ListedFolder(folder.Id!, folder.DisplayName ?? "", level.Depth);
                if (folder.ChildFolderCount > 0) levels.Push((folder.Id, level.Depth + 1));
            }
        }
    }

    public async Task<FolderChanges?> ReadFolderChangesAsync(
        string mailboxId, string folderId, string? deltaLink, DateTimeOffset receivedSince, CancellationToken cancellationToken)
    {
        var delta = graph.Users[mailboxId].MailFolders[folderId].Messages.Delta;
        var changed = new List<string>();
        try
        {
            var page = deltaLink is null
                ? await delta.GetAsDeltaGetResponseAsync(r =>
                {
                    r.QueryParameters.Select = ["id"];
                    // The only filter message delta takes; Graph keeps it in the links it returns.
                    r.QueryParameters.Filter = ReceivedSince(receivedSince);
                }, cancellationToken)
                : await delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
            var entries = 0;
            while (page is not null)
            {
                entries += page.Value?.Count ?? 0;
                changed.AddRange((page.Value ?? []).Where(m => m.Id is not null && !IsRemoved(m)).Select(m => m.Id!));
                if (page.OdataDeltaLink is not null)
                {
                    // A filtered round stops at Graph's limit and later rounds never return what it left out: the
                    // window is then listed whole, which has no such limit.
                    if (entries >= FilteredDeltaLimit) changed = [.. changed.Union(await ListReceivedSinceAsync(mailboxId, folderId, receivedSince, cancellationToken))];
                    return new FolderChanges(changed, page.OdataDeltaLink);
                }
                if (page.OdataNextLink is null) break;
                page = await delta.WithUrl(page.OdataNextLink).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
            }
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404 && error.Error?.Code == "ErrorItemNotFound")
        {
            // Deleted or moved away since it was listed: it will not be listed again.
            return null;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 410 || error.Error?.Code is "syncStateNotFound" or "resyncRequired" or "SyncStateNotFound")
        {
            throw new SyncStateLostException($"Delta state of folder {folderId} in mailbox {mailboxId} is gone: {error.Error?.Code}", error);
        }
        throw new InvalidDataException($"Delta of folder {folderId} in mailbox {mailboxId} ended without a delta link.");
    }

    private async Task<IReadOnlyList<string>> ListReceivedSinceAsync(string mailboxId, string folderId, DateTimeOffset receivedSince, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var first = await graph.Users[mailboxId].MailFolders[folderId].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = ReceivedSince(receivedSince);
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Top = MaxListPage;
        }, cancellationToken);
        if (first is null) return ids;
        var pages = PageIterator<Message, MessageCollectionResponse>.CreatePageIterator(graph, first, message =>
        {
            if (message.Id is not null) ids.Add(message.Id);
            return true;
        });
        await pages.IterateAsync(cancellationToken);
        return ids;
    }

    private static string ReceivedSince(DateTimeOffset bound) =>
        $"receivedDateTime ge {bound.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";

    private static bool IsRemoved(Message message) => message.AdditionalData.ContainsKey("@removed");
}
