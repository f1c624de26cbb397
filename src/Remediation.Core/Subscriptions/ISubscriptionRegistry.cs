namespace Remediation.Core.Subscriptions;

/// <summary>Which subscription watches which mailbox, and where each folder's delta sync stopped.</summary>
public interface ISubscriptionRegistry
{
    Task<MailboxSubscription?> FindByMailboxAsync(string mailboxId, CancellationToken cancellationToken);

    Task<MailboxSubscription?> FindBySubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Every mailbox's current subscription.</summary>
    IAsyncEnumerable<MailboxSubscription> ListAsync(CancellationToken cancellationToken);

    /// <summary>Records the mailbox's current subscription, replacing any earlier one.</summary>
    Task SaveAsync(MailboxSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Where the last delta read of a folder (by id) stopped; null before the first.</summary>
    Task<string?> GetDeltaLinkAsync(string mailboxId, string folderId, CancellationToken cancellationToken);

    Task SaveDeltaLinkAsync(string mailboxId, string folderId, string? deltaLink, CancellationToken cancellationToken);
}
