using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Indexing;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Campaigns;

/// <summary>
/// The campaign stage: from one malicious copy, find every copy in the tenant (the fingerprint index of scanned
/// mail, and the Message-ID in every tenant recipient's mailbox) and queue remediation jobs of a few mailboxes each, unless
/// the blast-radius guard holds the campaign for the SOC.
/// </summary>
public sealed partial class CampaignResolver(
    ICampaignStore campaigns,
    IMessageIndex index,
    IMailboxGateway mailboxes,
    IWorkQueue queue,
    IPipelineTelemetry telemetry,
    IOptions<RemediationOptions> options,
    IOptions<TenantOptions> tenant,
    IOptions<DetectionOptions> detection,
    ILogger<CampaignResolver> logger)
{
    // One Table transaction holds at most 100 rows.
    private const int MarksPerWrite = 100;

    private static readonly IReadOnlySet<DispatchedWork> NothingDispatched = new HashSet<DispatchedWork>();
    private static readonly IReadOnlySet<string> NoneReached = new HashSet<string>();

    // One for the process, shared by every campaign resolved at once: each would otherwise see the same short queue
    // and fill it up to the limit on its own.
    private readonly QueueBackPressure _backPressure = new(queue, WorkQueueNames.RemediationJobs, options.Value.MaxQueuedJobs);

    private readonly BlastRadiusGuard _guard = new(options.Value);

    // Copies of one campaign scanned at the same moment are resolved one after another: each then finds the sweep,
    // the searches and the jobs of those before it marked, instead of repeating them (racing seeds ran 1,212 jobs for
    // 85 copies in the showcase). Resolutions of different campaigns still overlap. Only work is spared: across
    // instances the audit claim keeps effects once (DispatchPlan says why).
    private readonly KeyedLock _resolving = new();

    public async Task ResolveAsync(MaliciousMessage seed, CancellationToken cancellationToken)
    {
        using var _ = await _resolving.AcquireAsync(seed.CampaignId, cancellationToken);
        var campaign = await campaigns.FindAsync(seed.CampaignId, cancellationToken);
        if (campaign is not null && _guard.Activates(seed, campaign) && await campaigns.TryActivateAsync(campaign.Id, seed, _guard.Floor, cancellationToken))
        {
            LogActivated(campaign.Id, campaign.Score, seed.Score);
            campaign = campaign.SeededBy(seed) with { Status = CampaignStatus.Active };
        }
        if (!IsActing(campaign, seed)) return;
        // A copy that waits for the SOC looks for others only to tell the SOC how far they reach, and that only once.
        if (campaign is not null && _guard.WaitsForSoc(seed, campaign) is not null && await SocToldAsync(campaign.Id, cancellationToken)) return;
        // Work is marked only once its campaign exists.
        // Stryker disable once all : reading the marks of a campaign that does not exist finds none; the branch saves a read
        var lookupsDone = campaign is null ? NothingDispatched : await campaigns.DispatchedAsync(seed.CampaignId, DispatchPlan.LookupCandidates(seed), cancellationToken);

        // The points for how the seed's copy arrived speak for that copy alone. A seed below the floor still looks, so
        // the SOC reads how far what waits for it reaches.
        var (sweep, search) = DispatchPlan.Lookups(seed, !_guard.LooksBeyondItsCopy(seed, campaign), lookupsDone);
        var work = await FindCopiesAsync(seed, sweep, search, cancellationToken);
        // The recipients are the sender's words, not a record of delivery (transport delivers to the envelope, an append
        // to one mailbox): a list of thousands named in Cc must not hold for the SOC the copies known to exist (the seed's
        // own, those the index holds), or an outsider could freeze the remediation of a phish with one header. When those
        // copies fit under the cap, only the search of the named mailboxes waits for approval; each copy that arrives is
        // judged and counted on its own, and the cap holds the campaign once the copies reach it.
        var searchOnly = DispatchPlan.SearchOnly(work);
        var searchCanWait = searchOnly.Count > 0 && searchOnly.Count < work.Count;
        var searchesAside = 0;
        void SetSearchesAside()
        {
            foreach (var mailboxId in searchOnly) work.Remove(mailboxId);
            searchesAside = searchOnly.Count;
        }

        var created = false;
        if (campaign is null)
        {
            // Nothing to act on (a report in the SOC's mailbox, a user's own copy whose others have not arrived): no
            // campaign is born, and nothing is held for the SOC to look at. Each copy that arrives later seeds its own.
            if (work.Count == 0) return;
            // The guard decides the campaign's status at birth, so copies scanned at the same moment find it already held.
            var reason = _guard.HoldAtBirth(seed.Score, work.Count);
            if (reason is not null && searchCanWait && _guard.HoldAtBirth(seed.Score, work.Count - searchOnly.Count) is null)
            {
                SetSearchesAside();
                reason = null;
            }
            (campaign, created) = await campaigns.GetOrAddAsync(new Campaign(
                seed.CampaignId, seed.Category, seed.Score, seed.Rules, seed.NotifiedAt, reason is null ? CampaignStatus.Active : CampaignStatus.Held, seed),
                cancellationToken);
            if (created && reason is not null)
            {
                TrackHeld(campaign, work.Count, reason);
            }
            if (!IsActing(campaign, seed)) return;
        }
        // A campaign born of another seed (before, or at this moment on another instance) may act on its seeds' own
        // copies alone; this seed's copy then has to reach the floor by itself, or it waits for the SOC, told once per
        // campaign (at most once per instance racing). The campaign goes on acting on copies that do reach it: holding
        // it would let one copy sent through transport stop the remediation of an Email Appender wave.
        if (!created && _guard.WaitsForSoc(seed, campaign) is { } why)
        {
            if (!await SocToldAsync(campaign.Id, cancellationToken))
            {
                TrackHeld(campaign, work.Count, why);
                await campaigns.MarkDispatchedAsync(campaign.Id, [DispatchedWork.SocTold], cancellationToken);
            }
            return;
        }
        // An outsider appending a copy lifted by its arrival first must not keep a mailing strong in content from
        // speaking for every copy (campaign memory, the copies below the floor that follow).
        if (!created && _guard.Promotes(seed, campaign) && await campaigns.TryPromoteAsync(campaign.Id, seed, cancellationToken))
        {
            campaign = campaign.SeededBy(seed);
        }
        // Only the work this seed found, each piece by its own key: a campaign this call created has no marks yet;
        // another instance's, a retry's or an earlier seed's may be there.
        var dispatched = created ? NothingDispatched : await campaigns.DispatchedAsync(campaign.Id, DispatchPlan.Candidates(work), cancellationToken);
        if (campaign.Status != CampaignStatus.Approved && await ReachBeyondCapAsync(campaign.Id, work.Keys, created, cancellationToken) is { } reach)
        {
            // A campaign grows after birth (campaign memory brings later copies, a later mailing reuses the content):
            // the cap holds for everything it has reached, not only for its first look. The search of the recipients a
            // message names only waits (below).
            if (!searchCanWait || await ReachBeyondCapAsync(campaign.Id, [.. work.Keys.Except(searchOnly)], created, cancellationToken) is not null)
            {
                if (await campaigns.TryHoldAsync(campaign.Id, cancellationToken)) TrackHeld(campaign, reach, _guard.GrownBeyondCap(reach));
                return;
            }
            SetSearchesAside();
        }

        var undispatched = DispatchPlan.Undispatched(work, dispatched);
        var queued = await DispatchAsync(campaign, undispatched, seed.MessageId, cancellationToken);
        // The search set aside is marked done like one dispatched, so later copies do not tell the SOC again; approval
        // forgets every mark and searches all of it.
        await campaigns.MarkDispatchedAsync(campaign.Id, DispatchPlan.LookupMarks(seed, sweep, search), cancellationToken);
        if (searchesAside > 0) TrackHeld(campaign, searchesAside, _guard.SearchWaits(searchesAside));
        LogResolved(campaign.Id, work.Count, undispatched.Count, queued);
    }

    private async Task<bool> SocToldAsync(string campaignId, CancellationToken cancellationToken) =>
        (await campaigns.DispatchedAsync(campaignId, [DispatchedWork.SocTold], cancellationToken)).Count > 0;

    // An active campaign's recorded reach is within the cap, so only mailboxes reached for the first time can take it
    // beyond; they are claimed before their jobs go out, so neither a failure in between nor another instance reaching
    // them at the same moment counts them twice, and none is left uncounted.
    private async Task<int?> ReachBeyondCapAsync(string campaignId, IReadOnlyCollection<string> reachingNow, bool created, CancellationToken cancellationToken)
    {
        var reachedBefore = created ? NoneReached : await campaigns.ReachedAsync(campaignId, reachingNow, cancellationToken);
        var newly = DispatchPlan.NewlyReached(reachingNow, reachedBefore);
        if (newly.Count == 0) return null;
        var reach = await campaigns.ExtendReachAsync(campaignId, newly, _guard.Cap, cancellationToken);
        return reach > _guard.Cap ? reach : null;
    }

    // A campaign held for its score still lets a copy lifted over the floor by how it arrived act on that copy alone
    // (its lookups find nothing more, and the cap still counts it).
    private bool IsActing(Campaign? campaign, MaliciousMessage seed)
    {
        if (campaign is not { Status: CampaignStatus.Held or CampaignStatus.Released } || _guard.ActsDespiteHold(seed, campaign)) return true;
        LogNotActing(campaign.Id, campaign.Status);
        return false;
    }

    /// <summary>The SOC approved a held campaign: act on it whatever its size.</summary>
    /// <param name="actor">Who in the SOC approved (a user principal name, an object id): kept on the campaign.</param>
    public async Task<bool> ApproveAsync(string campaignId, string actor, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(campaignId, cancellationToken);
        if (campaign is null) return false;
        await campaigns.SetStatusAsync(campaignId, CampaignStatus.Approved, actor, cancellationToken);
        // Work already sent may have stopped short (copies the hourly breaker held): approval sends all of it again.
        // Copies already remediated find their audit record and are left alone.
        await campaigns.ForgetDispatchedAsync(campaignId, cancellationToken);
        await queue.EnqueueAsync(WorkQueueNames.Campaigns, campaign.Seed, cancellationToken);
        telemetry.Emit(new CampaignApproved(campaignId, actor));
        return true;
    }

    // Each job goes on the queue before its work is marked dispatched: a failure in between repeats a job (which finds
    // its copies already handled) rather than losing one. Marks are written a hundred at a time as jobs go out, so a
    // campaign stage stopped midway (a timeout while the queue drains) resumes where it was when its message is retried.
    private async Task<int> DispatchAsync(Campaign campaign, IReadOnlyList<MailboxCopies> work, string? seedMessageId, CancellationToken cancellationToken)
    {
        var action = options.Value.ReportOnly ? (RemediationAction?)null : options.Value.ActionFor(campaign.Category);
        var jobs = DispatchPlan.Pack(work, options.Value.MailboxesPerJob, DispatchPlan.IdCharsPerJob);
        var unmarked = new ConcurrentQueue<DispatchedWork>();
        await Parallel.ForEachAsync(jobs, Parallelism(cancellationToken), async (mailboxes, ct) =>
        {
            await _backPressure.SendAsync(() => queue.EnqueueAsync(WorkQueueNames.RemediationJobs, new RemediationJob(
                campaign.Id, mailboxes, action, campaign.Rules, campaign.FirstNotifiedAt,
                campaign.Seed.ContentFingerprint, campaign.Status == CampaignStatus.Approved, campaign.Seed.Letterhead, seedMessageId), ct), ct);
            foreach (var item in mailboxes.SelectMany(DispatchPlan.MarksOf)) unmarked.Enqueue(item);
            if (unmarked.Count >= MarksPerWrite) await MarkAsync(campaign.Id, unmarked, ct);
        });
        while (!unmarked.IsEmpty) await MarkAsync(campaign.Id, unmarked, cancellationToken);
        return jobs.Count;
    }

    private async Task MarkAsync(string campaignId, ConcurrentQueue<DispatchedWork> unmarked, CancellationToken cancellationToken)
    {
        List<DispatchedWork> batch = [];
        while (batch.Count < MarksPerWrite && unmarked.TryDequeue(out var item)) batch.Add(item);
        // Stryker disable once Equality : an empty batch writes nothing in either store
        if (batch.Count > 0) await campaigns.MarkDispatchedAsync(campaignId, batch, cancellationToken);
    }

    private async Task<Dictionary<string, MailboxWork>> FindCopiesAsync(MaliciousMessage seed, bool sweep, bool search, CancellationToken cancellationToken)
    {
        var work = new Dictionary<string, MailboxWork>(StringComparer.OrdinalIgnoreCase);
        MailboxWork For(string mailboxId) => work.TryGetValue(mailboxId, out var found) ? found : work[mailboxId] = new MailboxWork();

        // The user's own copy (a draft, the Outbox, Sent Items) is their work or the evidence of what they sent: it
        // finds the others and is never moved.
        if (!seed.OwnCopy) For(seed.MailboxId).MessageIds.Add(seed.MessageId);
        // Copies already scanned, whatever their Message-ID (an Email Appender wave gives each copy its own). Each is
        // judged again where it lies before it is moved (MailboxRemediator): it may share the fingerprint but not the evidence.
        foreach (var copy in sweep ? await index.CopiesAsync(seed.CampaignId, cancellationToken) : [])
        {
            if (!copy.IsOwnCopy) For(copy.MailboxId).MessageIds.Add(copy.MessageId);
        }
        // Copies not scanned yet (delivered before the deployment, or still queued) in every recipient's mailbox.
        if (search && seed.InternetMessageId is { } internetMessageId)
        {
            // An address may be an alias or a list: every mailbox behind it is searched. A list that would take the
            // campaign past the blast-radius cap has its search wait for the SOC (ResolveAsync).
            var (recipients, senders) = await TenantAddressesAsync(seed, cancellationToken);
            var reached = await mailboxes.FindRecipientMailboxesAsync([.. recipients.Union(senders, StringComparer.OrdinalIgnoreCase)], cancellationToken);
            IEnumerable<string> MailboxesOf(IEnumerable<string> addresses) => addresses.SelectMany(address => reached.GetValueOrDefault(address) ?? []);
            foreach (var mailboxId in MailboxesOf(recipients)) For(mailboxId).InternetMessageIds.Add(internetMessageId);
            // A sender among the recipients (a list of the team it writes to) keeps its Sent Items copy, which carries
            // the Message-ID too.
            foreach (var mailboxId in MailboxesOf(senders)) if (work.TryGetValue(mailboxId, out var sendersWork)) sendersWork.SendersMailbox = true;
        }
        // What users reported to the SOC stays with the SOC.
        foreach (var mailboxId in await ReportMailboxIdsAsync(cancellationToken)) work.Remove(mailboxId);
        return work;
    }

    // Asked on every resolution, as the SOC's list changes while an instance lives; the gateway keeps the directory's
    // answers for a while, so this costs no request most of the time.
    private async Task<IEnumerable<string>> ReportMailboxIdsAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ReportMailboxes.Count == 0) return [];
        var found = await mailboxes.FindRecipientMailboxesAsync(options.Value.ReportMailboxes, cancellationToken);
        return found.Values.SelectMany(m => m);
    }

    // Read from the message itself: the addresses in the tenant's domains, whose mailboxes may hold copies too, and its
    // senders' (From, Sender). Outside addresses (and the contacts standing for them) have no mailbox here, nor has an
    // address longer than any mailbox's, which the directory would refuse to look up.
    private async Task<(IReadOnlyList<string> Recipients, IReadOnlyList<string> Senders)> TenantAddressesAsync(MaliciousMessage seed, CancellationToken cancellationToken)
    {
        var message = await mailboxes.ReadMimeAsync(seed.MailboxId, seed.MessageId, detection.Value.Limits, cancellationToken);
        if (message is null) return ([], []);
        IReadOnlyList<string> InTenant(IEnumerable<MimeKit.MailboxAddress> addresses) =>
            [.. addresses.Select(m => m.Address).Where(a => MailAddresses.CanExist(a) && tenant.Value.IsTenantAddress(a)).Distinct(StringComparer.OrdinalIgnoreCase)];
        var mime = message.Mime;
        return (InTenant(mime.To.Mailboxes.Concat(mime.Cc.Mailboxes).Concat(mime.Bcc.Mailboxes)),
            InTenant(mime.From.Mailboxes.Concat(mime.Sender is null ? [] : [mime.Sender])));
    }

    private void TrackHeld(Campaign campaign, int mailboxes, string reason)
    {
        LogHeld(campaign.Id, reason);
        telemetry.Emit(new CampaignHeld(campaign.Id, campaign.Seed.ContentFingerprint, campaign.Category, campaign.Score, campaign.Rules, mailboxes, reason));
    }

    // A campaign may reach thousands of mailboxes: its jobs go out in parallel.
    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}, held for its score {HeldScore}, acts: a copy scoring {SeedScore} in content alone came")]
    private partial void LogActivated(string campaignId, double heldScore, double seedScore);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: copies in {Mailboxes} mailboxes; {Dispatched} mailboxes sent to remediation in {Queued} jobs")]
    private partial void LogResolved(string campaignId, int mailboxes, int dispatched, int queued);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId} held for the SOC: {Reason}")]
    private partial void LogHeld(string campaignId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} is {Status}: no action")]
    private partial void LogNotActing(string campaignId, CampaignStatus status);
}
