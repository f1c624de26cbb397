using Remediation.Core.Queues;

namespace Remediation.Core.Campaigns;

/// <summary>
/// The campaigns of one process: the twin of the Table store, so the campaign stage's decisions can be tested without
/// storage. A campaign is kept as the Table store reads it back (its seed through the JSON it is stored as), and every
/// read returns a snapshot, as a query would.
/// </summary>
public sealed class InMemoryCampaignStore(TimeProvider clock) : ICampaignStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Campaign> _campaigns = new(StringComparer.Ordinal);
    private readonly Dictionary<(string CampaignId, CampaignStatus Status), (string Actor, DateTimeOffset At)> _statusSetters = [];
    private readonly Dictionary<string, HashSet<DispatchedWork>> _dispatched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reach = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _reached = new(StringComparer.Ordinal);

    public InMemoryCampaignStore()
        : this(TimeProvider.System)
    {
    }

    public Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_campaigns.GetValueOrDefault(campaignId));
    }

    public Task<(Campaign Campaign, bool Created)> GetOrAddAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_campaigns.TryGetValue(campaign.Id, out var stored)) return Task.FromResult((stored, false));
            _campaigns[campaign.Id] = AsStored(campaign);
            return Task.FromResult((campaign, true));
        }
    }

    public Task<bool> TryHoldAsync(string campaignId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_campaigns.TryGetValue(campaignId, out var stored) || stored.Status != CampaignStatus.Active) return Task.FromResult(false);
            _campaigns[campaignId] = stored with { Status = CampaignStatus.Held };
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryPromoteAsync(string campaignId, MaliciousMessage seed, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_campaigns.TryGetValue(campaignId, out var stored) || stored.Status != CampaignStatus.Active) return Task.FromResult(false);
            _campaigns[campaignId] = AsStored(stored.SeededBy(seed));
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryActivateAsync(string campaignId, MaliciousMessage seed, double floor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_campaigns.TryGetValue(campaignId, out var stored) || stored.Status != CampaignStatus.Held || !(stored.Score < floor)) return Task.FromResult(false);
            _campaigns[campaignId] = AsStored(stored.SeededBy(seed) with { Status = CampaignStatus.Active });
            return Task.FromResult(true);
        }
    }

    // The Table store merges the status into a row it may not have: a campaign never created stays unknown here.
    public Task SetStatusAsync(string campaignId, CampaignStatus status, string actor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_campaigns.TryGetValue(campaignId, out var stored)) _campaigns[campaignId] = stored with { Status = status };
            _statusSetters[(campaignId, status)] = (actor, clock.GetUtcNow());
        }
        return Task.CompletedTask;
    }

    /// <summary>Who last set the campaign to this status, and when; null when nobody did.</summary>
    public (string Actor, DateTimeOffset At)? StatusSetBy(string campaignId, CampaignStatus status)
    {
        lock (_gate) return _statusSetters.TryGetValue((campaignId, status), out var setter) ? setter : null;
    }

    public Task<IReadOnlySet<DispatchedWork>> DispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> candidates, CancellationToken cancellationToken)
    {
        var marks = Marks(campaignId);
        IReadOnlySet<DispatchedWork> dispatched = candidates.Where(marks.Contains).ToHashSet();
        return Task.FromResult(dispatched);
    }

    public Task<IReadOnlySet<string>> ReachedAsync(string campaignId, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var reached = _reached.GetValueOrDefault(campaignId);
            IReadOnlySet<string> found = mailboxIds.Where(id => reached?.Contains(id) == true).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return Task.FromResult(found);
        }
    }

    /// <summary>Every dispatch mark of the campaign, in every scope.</summary>
    public IReadOnlySet<DispatchedWork> Marks(string campaignId)
    {
        lock (_gate) return _dispatched.TryGetValue(campaignId, out var found) ? new HashSet<DispatchedWork>(found) : new HashSet<DispatchedWork>();
    }

    public Task<int> ExtendReachAsync(string campaignId, IReadOnlyCollection<string> mailboxIds, int cap, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_reached.TryGetValue(campaignId, out var reached)) _reached[campaignId] = reached = new(StringComparer.OrdinalIgnoreCase);
            var newly = mailboxIds.Where(id => !reached.Contains(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var reach = _reach.GetValueOrDefault(campaignId) + newly.Count;
            if (reach > cap) return Task.FromResult(reach);
            _reach[campaignId] = reach;
            reached.UnionWith(newly);
            return Task.FromResult(reach);
        }
    }

    public Task ForgetDispatchedAsync(string campaignId, CancellationToken cancellationToken)
    {
        lock (_gate) _dispatched.Remove(campaignId);
        return Task.CompletedTask;
    }

    public Task MarkDispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> work, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_dispatched.TryGetValue(campaignId, out var marks)) _dispatched[campaignId] = marks = [];
            marks.UnionWith(work);
        }
        return Task.CompletedTask;
    }

    // What the Table store reads back: the rules as a list of their own, the seed as its JSON gives it.
    private static Campaign AsStored(Campaign campaign) => campaign with
    {
        Rules = [.. campaign.Rules],
        FirstNotifiedAt = campaign.FirstNotifiedAt.ToUniversalTime(),
        Seed = WorkItemJson.Deserialize<MaliciousMessage>(WorkItemJson.Serialize(campaign.Seed)),
    };
}
