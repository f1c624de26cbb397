namespace Remediation.Core.Subscriptions;

/// <summary>What the pipeline asks of Graph's subscription and directory APIs.</summary>
public interface ISubscriptionGateway
{
    /// <summary>Every user of the tenant (ids), page by page.</summary>
    IAsyncEnumerable<string> ListMailboxesAsync(CancellationToken cancellationToken);

    /// <summary>Subscribes to new messages in every folder of the mailbox; Graph validates the URLs first.</summary>
    Task<MailboxSubscription> CreateAsync(string mailboxId, SubscriptionRequest request, CancellationToken cancellationToken);

    /// <summary>The new expiry, or null when Graph no longer knows the subscription (it must be recreated).</summary>
    Task<DateTimeOffset?> RenewAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>False when Graph no longer knows the subscription.</summary>
    Task<bool> ReauthorizeAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>
    /// Every folder of the mailbox's tree a user sees (hidden ones are not listed), each listing followed to its last
    /// page and into every folder that has child folders; a folder comes before its children.
    /// </summary>
    IAsyncEnumerable<ListedFolder> ListFoldersAsync(string mailboxId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a folder's changes since <paramref name="deltaLink"/>; when null, a first sync of the messages received
    /// since <paramref name="receivedSince"/> (Graph keeps that bound in the links it returns). Null when the folder
    /// is gone.
    /// </summary>
    Task<FolderChanges?> ReadFolderChangesAsync(
        string mailboxId, string folderId, string? deltaLink, DateTimeOffset receivedSince, CancellationToken cancellationToken);
}

public sealed record SubscriptionRequest(string NotificationUrl, string LifecycleNotificationUrl, string ClientState, DateTimeOffset ExpiresAt);

/// <param name="AddedOrChanged">Ids of messages that appeared or changed in the folder.</param>
/// <param name="DeltaLink">Where the next read starts.</param>
public sealed record FolderChanges(IReadOnlyList<string> AddedOrChanged, string DeltaLink);
