namespace Remediation.Core.Campaigns;

/// <summary>Campaigns, and which of their mailbox work was already dispatched.</summary>
public interface ICampaignStore
{
    Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Creates the campaign unless it exists; returns the stored one either way, and whether it is new.</summary>
    Task<(Campaign Campaign, bool Created)> GetOrAddAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>Holds the campaign if it is still active; false when the SOC approved or released it meanwhile.</summary>
    Task<bool> TryHoldAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>A person set the status (the SOC approved or released the campaign): the campaign keeps who and when, per status.</summary>
    Task SetStatusAsync(string campaignId, CampaignStatus status, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Every piece of the campaign's work (a copy id or a Message-ID search in a mailbox) dispatched so far, read at
    /// once: a later copy of a campaign across 10,000 mailboxes checks its work against one query, not 10,000 reads.
    /// </summary>
    Task<IReadOnlySet<DispatchedWork>> DispatchedAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Forgets every dispatch mark of the campaign, so its next resolution dispatches all its work again.</summary>
    Task ForgetDispatchedAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Records work as dispatched, once its jobs are on the queue: a failure before leaves it to be dispatched again.</summary>
    Task MarkDispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> work, CancellationToken cancellationToken);
}
