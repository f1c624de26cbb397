using Remediation.Core.Queues;

namespace Remediation.Core.Campaigns;

/// <summary>Copies and searches of one campaign found in one mailbox.</summary>
public sealed class MailboxWork
{
    public HashSet<string> MessageIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> InternetMessageIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The mailbox of the message's sender, whose own copies its search must leave.</summary>
    public bool SendersMailbox { get; set; }
}

/// <summary>
/// What one resolution of a campaign looks for and sends to remediation, decided from the seed, the work found and
/// the campaign's dispatch marks alone (no storage, no queue): the resolver gathers the inputs and carries it out.
/// </summary>
/// <remarks>
/// Invariant: a copy or a search goes into a job only while no mark says it was dispatched, and the resolver writes a
/// job's marks only once the job is queued. A failure in between repeats the job (its copies find their audit records
/// and are left alone) and never loses one. Two resolutions of one campaign at once, on two instances, may both send
/// a job; the remediator's audit claim makes one of them act. The resolver's per-process lock only spares that work.
/// </remarks>
public static class DispatchPlan
{
    /// <summary>
    /// The characters of ids a job may carry: a sender may make a Message-ID 998 characters that JSON escapes as six
    /// each, and a job of this many still fits in a queue message (48 KB before Base64).
    /// </summary>
    public const int IdCharsPerJob = 6_000;

    /// <summary>
    /// Whether to sweep the fingerprint index and to search the recipients' mailboxes for the seed's Message-ID: each
    /// once per campaign, as each later copy is judged malicious on its own (campaign memory) and brings only itself.
    /// A seed that acts on its own copy alone (<see cref="BlastRadiusGuard.LooksBeyondItsCopy"/>) looks for no other.
    /// </summary>
    public static (bool Sweep, bool Search) Lookups(MaliciousMessage seed, bool ownCopyOnly, IReadOnlySet<DispatchedWork> dispatched)
    {
        if (ownCopyOnly) return (false, false);
        var sweep = !dispatched.Contains(DispatchedWork.Sweep);
        var search = seed.InternetMessageId is { } internetMessageId
            && (sweep || !dispatched.Contains(DispatchedWork.RecipientSearch(internetMessageId)));
        return (sweep, search);
    }

    /// <summary>The marks that record the lookups done, written once every job is out.</summary>
    public static IReadOnlyList<DispatchedWork> LookupMarks(MaliciousMessage seed, bool sweep, bool search) =>
        [.. sweep ? [DispatchedWork.Sweep] : Array.Empty<DispatchedWork>(),
            .. search ? [DispatchedWork.RecipientSearch(seed.InternetMessageId!)] : Array.Empty<DispatchedWork>()];

    /// <summary>The tenant-wide lookups a seed may need, to ask whether each was done.</summary>
    public static IReadOnlyList<DispatchedWork> LookupCandidates(MaliciousMessage seed) =>
        [DispatchedWork.Sweep, .. seed.InternetMessageId is { } internetMessageId ? [DispatchedWork.RecipientSearch(internetMessageId)] : Array.Empty<DispatchedWork>()];

    /// <summary>Every piece of the work found, to ask which of it was dispatched before.</summary>
    public static IReadOnlyList<DispatchedWork> Candidates(IReadOnlyDictionary<string, MailboxWork> found) =>
        [.. found.SelectMany(mailbox => MarksOf(new MailboxCopies(mailbox.Key, [.. mailbox.Value.MessageIds], [.. mailbox.Value.InternetMessageIds])))];

    /// <summary>
    /// The mailboxes only a search would reach: no copy is known there, only the recipients the message names, which
    /// its sender wrote.
    /// </summary>
    public static IReadOnlyList<string> SearchOnly(IReadOnlyDictionary<string, MailboxWork> found) =>
        [.. found.Where(mailbox => mailbox.Value.MessageIds.Count == 0).Select(mailbox => mailbox.Key)];

    /// <summary>The mailboxes reached now (any case, each once) that the campaign had not reached before.</summary>
    public static IReadOnlyList<string> NewlyReached(IEnumerable<string> reachingNow, IReadOnlySet<string> reachedBefore)
    {
        var reached = reachedBefore.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. reachingNow.Where(mailboxId => !reached.Contains(mailboxId)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The work of each mailbox not dispatched yet; mailboxes with none are left out.</summary>
    public static IReadOnlyList<MailboxCopies> Undispatched(IReadOnlyDictionary<string, MailboxWork> found, IReadOnlySet<DispatchedWork> dispatched) =>
        [.. found
            .Select(mailbox => new MailboxCopies(mailbox.Key,
                [.. mailbox.Value.MessageIds.Where(id => !dispatched.Contains(DispatchedWork.Copy(mailbox.Key, id)))],
                [.. mailbox.Value.InternetMessageIds.Where(id => !dispatched.Contains(DispatchedWork.Search(mailbox.Key, id)))],
                mailbox.Value.SendersMailbox))
            .Where(job => job.MessageIds.Count > 0 || job.InternetMessageIds.Count > 0)];

    /// <summary>What marking a mailbox's work dispatched records, once its job is on the queue.</summary>
    public static IEnumerable<DispatchedWork> MarksOf(MailboxCopies work) =>
        work.MessageIds.Select(id => DispatchedWork.Copy(work.MailboxId, id)).Concat(work.InternetMessageIds.Select(id => DispatchedWork.Search(work.MailboxId, id)));

    /// <summary>
    /// The mailboxes' work packed, in order, into jobs of at most <paramref name="mailboxesPerJob"/> mailboxes whose
    /// ids add up to at most <paramref name="charsPerJob"/> characters, so a job fits in a queue message whatever
    /// Message-IDs a sender chose. A mailbox with more than that rides alone.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<MailboxCopies>> Pack(IReadOnlyList<MailboxCopies> work, int mailboxesPerJob, int charsPerJob)
    {
        List<IReadOnlyList<MailboxCopies>> jobs = [];
        List<MailboxCopies> current = [];
        var chars = 0;
        foreach (var mailbox in work)
        {
            var size = mailbox.MailboxId.Length + mailbox.MessageIds.Sum(id => id.Length) + mailbox.InternetMessageIds.Sum(id => id.Length);
            if (current.Count > 0 && (current.Count == mailboxesPerJob || chars + size > charsPerJob))
            {
                jobs.Add(current);
                (current, chars) = ([], 0);
            }
            current.Add(mailbox);
            chars += size;
        }
        if (current.Count > 0) jobs.Add(current);
        return jobs;
    }
}
