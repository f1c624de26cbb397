using Remediation.Core.Campaigns;
using Remediation.Core.Queues;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Campaigns;

public class DispatchPlanTests
{
    private const string MessageId = "<lure@sender.example>";

    private static readonly MaliciousMessage Seed = new("c1", "alice", "copy-a", MessageId, ThreatCategory.Phishing, 14, ["R1"], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Lookups_NothingDispatched_SweepsAndSearches()
    {
        Assert.Equal((true, true), DispatchPlan.Lookups(Seed, ownCopyOnly: false, Marks()));
    }

    [Fact]
    public void Lookups_SweptAndSearchedBefore_DoesNeither()
    {
        Assert.Equal((false, false), DispatchPlan.Lookups(Seed, ownCopyOnly: false, Marks(DispatchedWork.Sweep, DispatchedWork.RecipientSearch(MessageId))));
    }

    [Fact]
    public void Lookups_SweptBeforeButAnotherMessageId_SearchesForThisOne()
    {
        // A later mailing of the same content under a new Message-ID: the index was swept, its recipients were not.
        Assert.Equal((false, true), DispatchPlan.Lookups(Seed, ownCopyOnly: false, Marks(DispatchedWork.Sweep, DispatchedWork.RecipientSearch("<other@sender.example>"))));
    }

    [Fact]
    public void Lookups_SeedWithoutAMessageId_NeverSearches()
    {
        Assert.Equal((true, false), DispatchPlan.Lookups(Seed with { InternetMessageId = null }, ownCopyOnly: false, Marks()));
    }

    [Fact]
    public void Lookups_SeedActingOnItsOwnCopyAlone_NeitherSweepsNorSearches()
    {
        Assert.Equal((false, false), DispatchPlan.Lookups(Seed, ownCopyOnly: true, Marks()));
    }

    [Fact]
    public void LookupMarks_RecordExactlyTheLookupsDone()
    {
        Assert.Equal([DispatchedWork.Sweep, DispatchedWork.RecipientSearch(MessageId)], DispatchPlan.LookupMarks(Seed, sweep: true, search: true));
        Assert.Equal([DispatchedWork.RecipientSearch(MessageId)], DispatchPlan.LookupMarks(Seed, sweep: false, search: true));
        Assert.Equal([DispatchedWork.Sweep], DispatchPlan.LookupMarks(Seed, sweep: true, search: false));
        Assert.Empty(DispatchPlan.LookupMarks(Seed, sweep: false, search: false));
    }

    [Fact]
    public void Jobs_WorkNotDispatched_OneJobPerMailboxWithItsMarks()
    {
        var found = Found(("alice", ["copy-a"], []), ("bob", [], [MessageId]));

        var jobs = DispatchPlan.Undispatched(found, Marks());

        Assert.Equal(["alice: copy-a | ", $"bob:  | {MessageId}"], jobs.Select(Describe));
        Assert.Equal([DispatchedWork.Copy("alice", "copy-a")], DispatchPlan.MarksOf(jobs[0]));
        Assert.Equal([DispatchedWork.Search("bob", MessageId)], DispatchPlan.MarksOf(jobs[1]));
    }

    [Fact]
    public void Jobs_PartlyDispatched_SendOnlyWhatIsLeftAndNoJobForADoneMailbox()
    {
        var found = Found(("alice", ["copy-a", "copy-a2"], [MessageId]), ("bob", ["copy-b"], []));

        var jobs = DispatchPlan.Undispatched(found, Marks(DispatchedWork.Copy("alice", "copy-a"), DispatchedWork.Search("alice", MessageId), DispatchedWork.Copy("bob", "copy-b")));

        Assert.Equal(["alice: copy-a2 | "], jobs.Select(Describe));
    }

    [Fact]
    public void Jobs_MarkOfAnotherMailbox_DoesNotCountHere()
    {
        var found = Found(("alice", ["copy-a"], [MessageId]));

        var jobs = DispatchPlan.Undispatched(found, Marks(DispatchedWork.Copy("bob", "copy-a"), DispatchedWork.Search("bob", MessageId)));

        Assert.Equal([$"alice: copy-a | {MessageId}"], jobs.Select(Describe));
    }

    [Fact]
    public void LookupCandidates_TheSweepAndTheSeedsRecipientSearch()
    {
        Assert.Equal([DispatchedWork.Sweep, DispatchedWork.RecipientSearch(MessageId)], DispatchPlan.LookupCandidates(Seed));
        Assert.Equal([DispatchedWork.Sweep], DispatchPlan.LookupCandidates(Seed with { InternetMessageId = null }));
    }

    [Fact]
    public void Candidates_EveryCopyAndSearchFound()
    {
        var found = Found(("alice", ["copy-a", "copy-b"], [MessageId]), ("bob", [], [MessageId]));

        Assert.Equal(
            [DispatchedWork.Copy("alice", "copy-a"), DispatchedWork.Copy("alice", "copy-b"), DispatchedWork.Search("alice", MessageId), DispatchedWork.Search("bob", MessageId)],
            DispatchPlan.Candidates(found));
    }

    [Fact]
    public void NewlyReached_NothingReachedBefore_IsEveryMailboxOnce() =>
        Assert.Equal(["alice", "bob", "carol"], DispatchPlan.NewlyReached(["alice", "bob", "carol", "BOB"], new HashSet<string>()));

    [Fact]
    public void NewlyReached_MailboxesReachedBeforeInAnyCase_AreNotNew() =>
        Assert.Equal(["carol"], DispatchPlan.NewlyReached(["alice", "bob", "carol"], new HashSet<string>(StringComparer.Ordinal) { "ALICE", "bob" }));

    [Fact]
    public void Pack_MoreMailboxesThanAJobHolds_FillsEachJobInOrder()
    {
        var work = Enumerable.Range(0, 5).Select(i => new MailboxCopies($"m{i}", [$"c{i}"], [])).ToList();

        var jobs = DispatchPlan.Pack(work, mailboxesPerJob: 2, charsPerJob: 1_000);

        Assert.Equal(["m0,m1", "m2,m3", "m4"], jobs.Select(job => string.Join(',', job.Select(m => m.MailboxId))));
    }

    [Fact]
    public void Pack_IdsOverTheCharacterBudget_StartANewJob()
    {
        // Each mailbox is 2 + 4 + 4 characters: two fit in 20, a third does not.
        var work = Enumerable.Range(0, 3).Select(i => new MailboxCopies($"m{i}", ["copy"], ["<id>"])).ToList();

        Assert.Equal([2, 1], DispatchPlan.Pack(work, mailboxesPerJob: 16, charsPerJob: 20).Select(job => job.Count));
        Assert.Equal([1, 1, 1], DispatchPlan.Pack(work, mailboxesPerJob: 16, charsPerJob: 19).Select(job => job.Count));
    }

    [Fact]
    public void Pack_AMailboxOverTheBudgetAlone_RidesAloneAndNothingIsLost()
    {
        MailboxCopies[] work = [new("small", ["a"], []), new("huge", [new string('x', 50)], []), new("after", ["b"], [])];

        var jobs = DispatchPlan.Pack(work, mailboxesPerJob: 16, charsPerJob: 20);
        var hugeFirst = DispatchPlan.Pack([work[1], work[0]], mailboxesPerJob: 16, charsPerJob: 20);

        Assert.Equal(["small", "huge", "after"], jobs.Select(job => string.Join(',', job.Select(m => m.MailboxId))));
        Assert.Equal(["huge", "small"], hugeFirst.Select(job => string.Join(',', job.Select(m => m.MailboxId))));
    }

    [Fact]
    public void Pack_NoWork_NoJob() => Assert.Empty(DispatchPlan.Pack([], mailboxesPerJob: 16, charsPerJob: 20));

    private static HashSet<DispatchedWork> Marks(params DispatchedWork[] marks) => [.. marks];

    private static Dictionary<string, MailboxWork> Found(params (string Mailbox, string[] Copies, string[] Searches)[] mailboxes)
    {
        var found = new Dictionary<string, MailboxWork>(StringComparer.OrdinalIgnoreCase);
        foreach (var (mailbox, copies, searches) in mailboxes)
        {
            var work = found[mailbox] = new MailboxWork();
            work.MessageIds.UnionWith(copies);
            work.InternetMessageIds.UnionWith(searches);
        }
        return found;
    }

    private static string Describe(MailboxCopies job) => $"{job.MailboxId}: {string.Join(',', job.MessageIds)} | {string.Join(',', job.InternetMessageIds)}";
}
