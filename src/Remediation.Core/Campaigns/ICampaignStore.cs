namespace Remediation.Core.Campaigns;

/// <summary>Campaigns, and which of their mailbox work was already dispatched.</summary>
public interface ICampaignStore
{
    Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Creates the campaign unless it exists; returns the stored one either way, and whether it is new.</summary>
    Task<(Campaign Campaign, bool Created)> GetOrAddAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>Holds the campaign if it is still active; false when the SOC approved or released it meanwhile.</summary>
    Task<bool> TryHoldAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes this seed the campaign's (with its category, score and rules) if the campaign is still active; false when
    /// it is not, or changed meanwhile. The time it was first heard of stays.
    /// </summary>
    Task<bool> TryPromoteAsync(string campaignId, Queues.MaliciousMessage seed, CancellationToken cancellationToken);

    /// <summary>
    /// Makes this seed the campaign's and the campaign active if it is held with a score below <paramref name="floor"/>
    /// (held for its score, not for its reach); false when it is not, or changed meanwhile.
    /// </summary>
    Task<bool> TryActivateAsync(string campaignId, Queues.MaliciousMessage seed, double floor, CancellationToken cancellationToken);

    /// <summary>A person set the status (the SOC approved or released the campaign): the campaign keeps who and when, per status.</summary>
    Task SetStatusAsync(string campaignId, CampaignStatus status, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Which of these pieces of work the campaign already dispatched: a later copy of a campaign across 100,000 mailboxes
    /// asks after the few pieces it found, each read by its own key, not after every mark.
    /// </summary>
    Task<IReadOnlySet<DispatchedWork>> DispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> candidates, CancellationToken cancellationToken);

    /// <summary>
    /// Which of these mailboxes (in any case) the campaign claimed as reached (<see cref="ExtendReachAsync"/>):
    /// forgetting the dispatch marks does not forget the reach.
    /// </summary>
    Task<IReadOnlySet<string>> ReachedAsync(string campaignId, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken);

    /// <summary>
    /// Claims for the campaign the mailboxes (any case) its work reaches and adds those it had not reached to its recorded
    /// reach, unless the sum is beyond the cap; returns the sum either way. A mailbox counts once however many
    /// resolutions, on however many instances, claim it at the same moment, and once claimed it is reached
    /// (<see cref="ReachedAsync"/>) even if its work never goes out, so a retry does not count it again.
    /// </summary>
    Task<int> ExtendReachAsync(string campaignId, IReadOnlyCollection<string> mailboxIds, int cap, CancellationToken cancellationToken);

    /// <summary>Forgets every dispatch mark of the campaign, so its next resolution dispatches all its work again.</summary>
    Task ForgetDispatchedAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Records work as dispatched, once its jobs are on the queue: a failure before leaves it to be dispatched again.</summary>
    Task MarkDispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> work, CancellationToken cancellationToken);
}
