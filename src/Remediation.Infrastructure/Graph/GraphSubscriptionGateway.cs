using System.Runtime.CompilerServices;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Remediation.Core.Mailboxes;
using Remediation.Core.Subscriptions;

namespace Remediation.Infrastructure.Graph;

/// <summary>The subscription port over Microsoft Graph: users, subscriptions, folder delta.</summary>
public sealed class GraphSubscriptionGateway(GraphServiceClient graph) : ISubscriptionGateway
{
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
        catch (ODataError error) when (error.Error?.Code == "MailboxNotEnabledForRESTAPI" || error.ResponseStatusCode == 403)
        {
            throw new MailboxUnavailableException(mailboxId, error.Error?.Code ?? $"HTTP {error.ResponseStatusCode}", error);
        }
        if (created is null) throw new InvalidDataException($"Graph returned no subscription for mailbox {mailboxId}.");
        return new MailboxSubscription(mailboxId, created.Id!, created.ExpirationDateTime ?? request.ExpiresAt);
    }

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

    public async Task<FolderChanges> ReadFolderChangesAsync(string mailboxId, string folder, string? deltaLink, CancellationToken cancellationToken)
    {
        var delta = graph.Users[mailboxId].MailFolders[folder].Messages.Delta;
        var changed = new List<string>();
        try
        {
            var page = deltaLink is null
                ? await delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Select = ["id"], cancellationToken)
                : await delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
            while (page is not null)
            {
                changed.AddRange((page.Value ?? []).Where(m => m.Id is not null && !IsRemoved(m)).Select(m => m.Id!));
                if (page.OdataDeltaLink is not null) return new FolderChanges(changed, page.OdataDeltaLink);
                if (page.OdataNextLink is null) break;
                page = await delta.WithUrl(page.OdataNextLink).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
            }
        }
        catch (ODataError error) when (error.ResponseStatusCode == 410 || error.Error?.Code is "syncStateNotFound" or "resyncRequired" or "SyncStateNotFound")
        {
            throw new SyncStateLostException($"Delta state of folder {folder} in mailbox {mailboxId} is gone: {error.Error?.Code}", error);
        }
        throw new InvalidDataException($"Delta of folder {folder} in mailbox {mailboxId} ended without a delta link.");
    }

    private static bool IsRemoved(Message message) => message.AdditionalData.ContainsKey("@removed");
}
