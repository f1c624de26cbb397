namespace Remediation.Core.Subscriptions;

/// <summary>Which subscription watches which mailbox, and where each folder's delta sync stopped.</summary>
public interface ISubscriptionRegistry
{
    Task<MailboxSubscription?> FindByMailboxAsync(string mailboxId, CancellationToken cancellationToken);

    Task<MailboxSubscription?> FindBySubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Records the mailbox's current subscription, replacing any earlier one.</summary>
    Task SaveAsync(MailboxSubscription subscription, CancellationToken cancellationToken);

    Task<string?> GetDeltaLinkAsync(string mailboxId, string folder, CancellationToken cancellationToken);

    Task SaveDeltaLinkAsync(string mailboxId, string folder, string? deltaLink, CancellationToken cancellationToken);
}
