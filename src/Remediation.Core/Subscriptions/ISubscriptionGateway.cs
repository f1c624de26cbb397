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

    /// <summary>Reads a folder's changes since <paramref name="deltaLink"/> (all messages when null).</summary>
    Task<FolderChanges> ReadFolderChangesAsync(string mailboxId, string folder, string? deltaLink, CancellationToken cancellationToken);
}

public sealed record SubscriptionRequest(string NotificationUrl, string LifecycleNotificationUrl, string ClientState, DateTimeOffset ExpiresAt);

/// <param name="AddedOrChanged">Ids of messages that appeared or changed in the folder.</param>
/// <param name="DeltaLink">Where the next read starts.</param>
public sealed record FolderChanges(IReadOnlyList<string> AddedOrChanged, string DeltaLink);
