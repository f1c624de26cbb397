using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Remediation.Core.Campaigns;
using Remediation.Core.Indexing;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;
using Remediation.Core.Telemetry;
using Remediation.Core.Tests.Scanning;

namespace Remediation.Core.Tests.Campaigns;

/// <summary>
/// The campaign stage's decisions on the in-memory twins: which copies a seed finds, the jobs of a few mailboxes each it
/// queues for them, what the blast-radius guard holds, and the dispatch marks that keep a later seed or a retry from repeating
/// work already queued, or losing work that was not.
/// </summary>
public sealed class CampaignResolverTests
{
    private const string Domain = TestMail.Domain;
    private const string MessageIdOfLure = "<lure-1@login-verify.example>";
    private const string MessageIdOfLaterMailing = "<lure-2@login-verify.example>";
    private static readonly DateTimeOffset NotifiedAt = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<MessageFingerprint> LureFingerprint = new(() => TestMail.Engine().FingerprintOf(TestMail.Parse(Lure(MessageIdOfLure, $"alice@{Domain}"))));

    private readonly InMemoryCampaignStore _campaigns = new();
    private readonly InMemoryMessageIndex _index = new();
    private readonly InMemoryMailboxGateway _mailboxes = new();
    private readonly InMemoryWorkQueue _queue = new();
    private readonly RecordingTelemetry _telemetry = new();
    private readonly RemediationOptions _options = new();
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _alice;
    private readonly string _bob;
    private readonly string _carol;
    private readonly string _dave;

    public CampaignResolverTests()
    {
        _alice = User("alice");
        _bob = User("bob");
        _carol = User("carol");
        _dave = User("dave");
    }

    private static string CampaignId => LureFingerprint.Value.CampaignId;

    [Fact]
    public async Task Resolve_HeldCampaign_QueuesNothing()
    {
        var seed = Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}"]));
        await _campaigns.GetOrAddAsync(CampaignOf(seed, CampaignStatus.Held), CancellationToken.None);

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Empty(await MarksAsync());
        Assert.Empty(_telemetry.Events(PipelineEvents.CampaignHeld));
    }

    [Fact]
    public async Task Resolve_ReleasedCampaign_QueuesNothing()
    {
        var seed = Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}"]));
        await _campaigns.GetOrAddAsync(CampaignOf(seed, CampaignStatus.Released), CancellationToken.None);

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Empty(await MarksAsync());
    }

    [Fact]
    public async Task Resolve_NewCampaign_QueuesOneJobPerMailboxWithEveryCopyFoundAndMarksIt()
    {
        var seedCopy = Deliver(_alice, to: [$"alice@{Domain}", $"bob@{Domain}"], cc: [$"carol@{Domain}"]);
        await IndexAsync(_alice, "alice-junk-copy");
        await IndexAsync(_bob, "bob-copy");
        var seed = Seed(_alice, seedCopy);

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        var jobs = _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs);
        Assert.Equal(
            [$"alice: alice-junk-copy,{seedCopy} | {MessageIdOfLure}", $"bob: bob-copy | {MessageIdOfLure}", $"carol:  | {MessageIdOfLure}"],
            Describe(jobs));
        Assert.All(jobs, job =>
        {
            Assert.Equal(CampaignId, job.CampaignId);
            Assert.Equal(RemediationAction.Quarantine, job.Action);
            Assert.Equal(["R1", "R2"], job.Rules);
            Assert.Equal(NotifiedAt, job.NotifiedAt);
            Assert.Equal(LureFingerprint.Value.Id, job.Fingerprint);
            Assert.False(job.Approved);
        });
        Assert.Equal(CampaignStatus.Active, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        Assert.Equal(
            Sorted(
                DispatchedWork.Sweep, DispatchedWork.RecipientSearch(MessageIdOfLure),
                DispatchedWork.Copy(_alice, seedCopy), DispatchedWork.Copy(_alice, "alice-junk-copy"), DispatchedWork.Copy(_bob, "bob-copy"),
                DispatchedWork.Search(_alice, MessageIdOfLure), DispatchedWork.Search(_bob, MessageIdOfLure), DispatchedWork.Search(_carol, MessageIdOfLure)),
            Sorted([.. await MarksAsync()]));
        Assert.Empty(_telemetry.Events(PipelineEvents.CampaignHeld));
    }

    // The seed is malicious only because it bypassed transport: the indexed and searched copies came another way.
    [Fact]
    public async Task Resolve_SeedMaliciousOnlyThroughHowItArrived_QueuesItsOwnCopyAlone()
    {
        var seedCopy = Deliver(_alice, to: [$"alice@{Domain}", $"bob@{Domain}"]);
        await IndexAsync(_bob, "bob-copy");

        await Resolver().ResolveAsync(Seed(_alice, seedCopy) with { CopyBound = true }, CancellationToken.None);

        Assert.Equal([$"alice: {seedCopy} | "], Describe(_queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs)));
        Assert.Equal(DispatchedWork.Copy(_alice, seedCopy), Assert.Single(await MarksAsync()));
    }

    // An attacker holding alice's mailbox appends a copy of a message bob received through transport. Its content
    // (10.5) is malicious but below the floor; the points for bypassing transport lift alice's copy to 13.
    [Fact]
    public async Task Resolve_SeedReachingTheFloorOnlyThroughHowItArrived_QueuesItsOwnCopyAlone()
    {
        var seedCopy = Deliver(_alice, to: [$"alice@{Domain}", $"bob@{Domain}"]);
        await IndexAsync(_bob, "bob-copy");

        await Resolver().ResolveAsync(LiftedByArrival(_alice, seedCopy), CancellationToken.None);

        Assert.Equal([$"alice: {seedCopy} | "], Jobs());
        Assert.Equal(DispatchedWork.Copy(_alice, seedCopy), Assert.Single(await MarksAsync()));
        Assert.Equal(CampaignStatus.Active, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
    }

    // Bob's own copy, delivered, scores 10.5: had it come first, it would have held the campaign. It waits for the
    // SOC, told once, and the campaign goes on acting on the copies that reach the floor by how they arrived.
    [Fact]
    public async Task Resolve_CopiesBelowTheFloorJoinACampaignLiftedByArrival_WaitForTheSocToldOnceAndTheCampaignActsOn()
    {
        var alicesCopy = Deliver(_alice, to: [$"bob@{Domain}"]);
        var bobsCopy = Deliver(_bob, to: [$"bob@{Domain}"]);
        var carolsCopy = Deliver(_carol, to: [$"carol@{Domain}"]);
        var davesAppended = Deliver(_dave, to: [$"dave@{Domain}"]);
        var index = new SweepCountingIndex(_index);
        var resolver = Resolver(index: index);
        await resolver.ResolveAsync(LiftedByArrival(_alice, alicesCopy), CancellationToken.None);
        Assert.Equal([$"alice: {alicesCopy} | "], Jobs());

        await resolver.ResolveAsync(Seed(_bob, bobsCopy) with { Score = 10.5 }, CancellationToken.None);
        await resolver.ResolveAsync(Seed(_carol, carolsCopy) with { Score = 11 }, CancellationToken.None);
        await resolver.ResolveAsync(LiftedByArrival(_dave, davesAppended), CancellationToken.None);

        Assert.Equal([$"dave: {davesAppended} | "], Jobs());
        Assert.Equal(1, index.Sweeps);
        Assert.Equal(CampaignStatus.Active, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        var told = Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld));
        Assert.Equal(HeldEvent(score: "13", count: "1",
            reason: "a copy scoring 10.5, below the floor 12, waits: the campaign acts alone only on copies the way they arrived made malicious",
            rules: "R1,R2,TRANSPORT_BYPASS,NO_RECEIVED_HOPS"), told);
    }

    // The other order: a copy sent through transport (10.5) came first and held the campaign for its score. The wave
    // appended after it still has each copy the way it arrived lifts over the floor acted on alone; a campaign held for
    // its reach acts on nothing.
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Resolve_CopyLiftedByArrivalJoinsACampaignHeld_ActsOnItsCopyAloneOnlyIfHeldForItsScore(bool heldForReach, bool acts)
    {
        var bobsCopy = Deliver(_bob, to: [$"bob@{Domain}", $"carol@{Domain}"]);
        var alicesCopy = Deliver(_alice, to: [$"alice@{Domain}"]);
        var resolver = Resolver();
        if (heldForReach)
        {
            _options.MaxMailboxesPerCampaign = 1;
            await IndexAsync(_carol, "carol-copy");
        }
        await resolver.ResolveAsync(Seed(_bob, bobsCopy) with { Score = heldForReach ? 18 : 10.5 }, CancellationToken.None);
        Assert.Equal(CampaignStatus.Held, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        _options.MaxMailboxesPerCampaign = 500;

        await Resolver().ResolveAsync(LiftedByArrival(_alice, alicesCopy), CancellationToken.None);

        Assert.Equal(acts ? [$"alice: {alicesCopy} | "] : [], Jobs());
        Assert.Equal(CampaignStatus.Held, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld));
    }

    // A weaker copy came first (its headers kept it under the floor) and held the campaign for its score: a copy strong
    // in content alone, as the wave's are, makes it act as it would have had it come first, and finds the rest.
    [Fact]
    public async Task Resolve_CopyStrongInContentJoinsACampaignHeldForItsScore_ActivatesItAndActsOnEveryCopy()
    {
        var bobsCopy = Deliver(_bob, to: [$"bob@{Domain}"]);
        var alicesCopy = Deliver(_alice, to: [$"alice@{Domain}"]);
        await Resolver().ResolveAsync(Seed(_bob, bobsCopy) with { Score = 10.5 }, CancellationToken.None);
        await IndexAsync(_bob, bobsCopy);

        await Resolver().ResolveAsync(Seed(_alice, alicesCopy), CancellationToken.None);

        var campaign = await _campaigns.FindAsync(CampaignId, CancellationToken.None);
        Assert.Equal((CampaignStatus.Active, 18.0, alicesCopy), (campaign?.Status, campaign?.Score, campaign?.Seed.MessageId));
        Assert.Equal([$"alice: {alicesCopy} | ", $"bob: {bobsCopy} | "], Jobs().Select(job => job[..(job.IndexOf('|') + 2)]));
    }

    // Copy-bound and below the floor: its campaign is held at birth, and the recipients the attacker wrote into the
    // placed copy are not searched.
    [Fact]
    public async Task Resolve_CopyBoundSeedBelowTheFloor_HoldsItsCampaignWithoutLookingFurther()
    {
        var seedCopy = Deliver(_alice, to: [$"bob@{Domain}", $"carol@{Domain}"]);
        await IndexAsync(_bob, "bob-copy");

        await Resolver().ResolveAsync(Seed(_alice, seedCopy) with { Score = 10.5, CopyBound = true }, CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Equal(HeldEvent(score: "10.5", count: "1", reason: "score 10.5 is below the floor 12"), Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld)));
    }

    // The same content mailed again, this time scoring 14 without any arrival points: it speaks for every copy, and
    // takes the campaign over, so a copy below the floor that follows is acted on as it would have been had the
    // mailing come first.
    [Fact]
    public async Task Resolve_SeedStrongInContentJoinsACampaignLiftedByArrival_SweepsSearchesAndSpeaksForTheCopiesAfter()
    {
        var alicesCopy = Deliver(_alice, to: [$"alice@{Domain}"]);
        var bobsCopy = Deliver(_bob, to: [$"bob@{Domain}", $"carol@{Domain}"]);
        var erin = User("erin");
        var erinsCopy = Deliver(erin, to: [$"erin@{Domain}"], internetMessageId: MessageIdOfLaterMailing);
        await IndexAsync(_dave, "dave-copy");
        var resolver = Resolver();
        await resolver.ResolveAsync(LiftedByArrival(_alice, alicesCopy), CancellationToken.None);
        Jobs();

        await resolver.ResolveAsync(Seed(_bob, bobsCopy) with { Score = 14 }, CancellationToken.None);
        Assert.Equal([$"bob: {bobsCopy} | {MessageIdOfLure}", $"carol:  | {MessageIdOfLure}", "dave: dave-copy | "], Jobs().Order(StringComparer.Ordinal));
        await resolver.ResolveAsync(Seed(erin, erinsCopy) with { Score = 10.5, InternetMessageId = MessageIdOfLaterMailing }, CancellationToken.None);

        Assert.Equal([$"erin: {erinsCopy} | {MessageIdOfLaterMailing}"], Jobs());
        var campaign = await _campaigns.FindAsync(CampaignId, CancellationToken.None);
        Assert.Equal((CampaignStatus.Active, 14d, bobsCopy), (campaign?.Status, campaign?.Score, campaign?.Seed.MessageId));
        Assert.Empty(_telemetry.Events(PipelineEvents.CampaignHeld));
    }

    [Fact]
    public async Task Approve_CampaignOfASeedMaliciousOnlyThroughHowItArrived_ItsSeedQueuedAgainFindsEveryCopy()
    {
        _options.MinimumScoreToAct = 100;
        var seedCopy = Deliver(_alice, to: [$"bob@{Domain}"]);
        var resolver = Resolver();
        await resolver.ResolveAsync(Seed(_alice, seedCopy) with { CopyBound = true }, CancellationToken.None);

        await resolver.ApproveAsync(CampaignId, "soc@contoso.example", CancellationToken.None);
        await resolver.ResolveAsync(Assert.Single(_queue.Drain<MaliciousMessage>(WorkQueueNames.Campaigns)), CancellationToken.None);

        Assert.Equal([$"alice: {seedCopy} | ", $"bob:  | {MessageIdOfLure}"], Describe(_queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs)));
    }

    // Alice wrote to a list she is on: her mailbox is searched as a recipient's, and its job says it is the sender's,
    // so what she sent stays where she keeps it.
    [Theory]
    [InlineData("From: Alice <alice@contoso.example>")]
    [InlineData("From: IT Helpdesk <helpdesk@login-verify.example>\r\nSender: Alice <alice@contoso.example>")]
    public async Task Resolve_SenderAmongTheRecipients_MarksTheSendersMailbox(string senderHeaders)
    {
        var fromAlice = Lure(MessageIdOfLure, $"alice@{Domain}, bob@{Domain}").Replace("From: IT Helpdesk <helpdesk@login-verify.example>", senderHeaders, StringComparison.Ordinal);
        var bobsCopy = _mailboxes.AddMessage(_bob, fromAlice, WellKnownFolders.Inbox);

        await Resolver().ResolveAsync(Seed(_bob, bobsCopy), CancellationToken.None);

        var mailboxes = _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs).SelectMany(job => job.Mailboxes).ToDictionary(m => _names[m.MailboxId], m => m.SendersMailbox);
        Assert.Equal(new Dictionary<string, bool> { ["alice"] = true, ["bob"] = false }, mailboxes);
    }

    // The sender is searched only as a recipient: Alice sent to Bob alone, so her mailbox is not searched at all.
    [Fact]
    public async Task Resolve_SenderNotAmongTheRecipients_SearchesNotTheSendersMailbox()
    {
        var fromAlice = Lure(MessageIdOfLure, $"bob@{Domain}").Replace("From: IT Helpdesk <helpdesk@login-verify.example>", $"From: Alice <alice@{Domain}>", StringComparison.Ordinal);
        var bobsCopy = _mailboxes.AddMessage(_bob, fromAlice, WellKnownFolders.Inbox);

        await Resolver().ResolveAsync(Seed(_bob, bobsCopy), CancellationToken.None);

        Assert.Equal([$"bob: {bobsCopy} | {MessageIdOfLure}"], Jobs());
    }

    [Fact]
    public async Task Resolve_NewCampaign_CreatesItFromTheSeed()
    {
        var seed = Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}"]));

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        var campaign = await _campaigns.FindAsync(CampaignId, CancellationToken.None);
        Assert.NotNull(campaign);
        Assert.Equal(
            (CampaignId, ThreatCategory.Phishing, 18d, "R1,R2", NotifiedAt, CampaignStatus.Active, seed.MessageId),
            (campaign.Id, campaign.Category, campaign.Score, string.Join(',', campaign.Rules), campaign.FirstNotifiedAt, campaign.Status, campaign.Seed.MessageId));
    }

    [Fact]
    public async Task Resolve_SeedWithoutMessageId_QueuesItsCopyAndSearchesNoMailbox()
    {
        var seedCopy = Deliver(_alice, to: [$"bob@{Domain}"]);
        var seed = Seed(_alice, seedCopy) with { InternetMessageId = null };

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        Assert.Equal([$"alice: {seedCopy} | "], Jobs());
        Assert.Equal(Sorted(DispatchedWork.Sweep, DispatchedWork.Copy(_alice, seedCopy)), Sorted([.. await MarksAsync()]));
    }

    [Fact]
    public async Task Resolve_SeedIsTheSendersSentCopy_QueuesTheOtherCopiesAndNeverItself()
    {
        var sentCopy = Deliver(_alice, to: [$"bob@{Domain}"], folder: WellKnownFolders.SentItems);
        var seed = Seed(_alice, sentCopy) with { OwnCopy = true };

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        Assert.Equal([$"bob:  | {MessageIdOfLure}"], Jobs());
    }

    [Fact]
    public async Task Resolve_CopiesInAReportMailbox_AreNeverQueued()
    {
        // Named by an alias of the mailbox, as the SOC's report address often is.
        _mailboxes.AddAlias(_carol, $"phish-reports@{Domain}");
        _options.ReportMailboxes = [$"phish-reports@{Domain}"];
        var seedCopy = Deliver(_alice, to: [$"alice@{Domain}", $"bob@{Domain}", $"carol@{Domain}"]);
        await IndexAsync(_carol, "carol-copy");

        await Resolver().ResolveAsync(Seed(_alice, seedCopy), CancellationToken.None);

        Assert.Equal([$"alice: {seedCopy} | {MessageIdOfLure}", $"bob:  | {MessageIdOfLure}"], Jobs());
    }

    // The resolver outlives changes to the SOC's list: a member who joins it keeps what users report to her.
    [Fact]
    public async Task Resolve_ReportListGainsAMember_HerCopiesAreNeverQueuedFromThen()
    {
        var reports = _mailboxes.AddGroup($"phish-reports@{Domain}");
        _mailboxes.AddMember(reports, _carol);
        _options.ReportMailboxes = [$"phish-reports@{Domain}"];
        var resolver = Resolver();
        var alicesCopy = Deliver(_alice, to: [$"alice@{Domain}", $"carol@{Domain}"]);
        await resolver.ResolveAsync(Seed(_alice, alicesCopy), CancellationToken.None);
        Assert.Equal([$"alice: {alicesCopy} | {MessageIdOfLure}"], Jobs());

        _mailboxes.AddMember(reports, _dave);
        var bobsCopy = Deliver(_bob, to: [$"bob@{Domain}", $"dave@{Domain}"], internetMessageId: MessageIdOfLaterMailing);
        await resolver.ResolveAsync(Seed(_bob, bobsCopy) with { InternetMessageId = MessageIdOfLaterMailing }, CancellationToken.None);

        Assert.Equal([$"bob: {bobsCopy} | {MessageIdOfLaterMailing}"], Jobs());
    }

    // The SOC's copy of a user's report is the seed: nothing else holds it, so no campaign is born or held.
    [Fact]
    public async Task Resolve_ReportInTheReportMailboxAlone_BearsNoCampaignAndTellsNobody()
    {
        _options.ReportMailboxes = [$"carol@{Domain}"];
        _options.MinimumScoreToAct = 100;
        var report = Deliver(_carol, to: [$"carol@{Domain}"]);

        await Resolver().ResolveAsync(Seed(_carol, report), CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Null(await _campaigns.FindAsync(CampaignId, CancellationToken.None));
        Assert.Empty(_telemetry.Events(PipelineEvents.CampaignHeld));
    }

    [Fact]
    public async Task Resolve_IndexedSentCopy_IsNeverQueued()
    {
        var seedCopy = Deliver(_bob, to: [$"bob@{Domain}"]);
        await IndexAsync(_carol, "carol-sent-copy", isOwnCopy: true);
        await IndexAsync(_dave, "dave-copy");

        await Resolver().ResolveAsync(Seed(_bob, seedCopy), CancellationToken.None);

        Assert.Equal([$"bob: {seedCopy} | {MessageIdOfLure}", "dave: dave-copy | "], Jobs());
    }

    [Fact]
    public async Task Resolve_RecipientsInToCcAndBcc_SearchesOnlyTheTenantsMailboxes()
    {
        // A mailbox in a domain the tenant does not accept: found by the gateway if asked, so it must never be asked.
        var outsider = User("eve", "partner.example");
        var seedCopy = Deliver(_alice, to: [$"ALICE@{Domain.ToUpperInvariant()}", $"eve@partner.example"], cc: [$"bob@{Domain}"], bcc: [$"carol@{Domain}"]);

        await Resolver().ResolveAsync(Seed(_alice, seedCopy), CancellationToken.None);

        Assert.Equal(
            [$"alice: {seedCopy} | {MessageIdOfLure}", $"bob:  | {MessageIdOfLure}", $"carol:  | {MessageIdOfLure}"],
            Jobs());
        Assert.DoesNotContain(await MarksAsync(), mark => mark.Scope == outsider);
    }

    [Fact]
    public async Task Resolve_AliasAndGroupRecipients_SearchesEveryMailboxBehindThem()
    {
        _mailboxes.AddAlias(_bob, $"robert@{Domain}");
        var all = _mailboxes.AddGroup($"everyone@{Domain}");
        var nested = _mailboxes.AddGroup($"finance@{Domain}");
        _mailboxes.AddMember(all, _carol);
        _mailboxes.AddMember(all, nested);
        _mailboxes.AddMember(nested, _dave);
        var seedCopy = Deliver(_alice, to: [$"robert@{Domain}"], bcc: [$"everyone@{Domain}"]);

        await Resolver().ResolveAsync(Seed(_alice, seedCopy), CancellationToken.None);

        Assert.Equal(
            [$"alice: {seedCopy} | ", $"bob:  | {MessageIdOfLure}", $"carol:  | {MessageIdOfLure}", $"dave:  | {MessageIdOfLure}"],
            Jobs());
    }

    [Fact]
    public async Task Resolve_SeedMessageGone_QueuesItsCopyWithoutSearching()
    {
        var seed = Seed(_alice, "purged-copy");

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        Assert.Equal(["alice: purged-copy | "], Jobs());
        Assert.Equal(
            Sorted(DispatchedWork.Sweep, DispatchedWork.RecipientSearch(MessageIdOfLure), DispatchedWork.Copy(_alice, "purged-copy")),
            Sorted([.. await MarksAsync()]));
    }

    [Fact]
    public async Task Resolve_LaterSeedOfTheSameCampaign_QueuesOnlyItsOwnCopy()
    {
        var first = Deliver(_alice, to: [$"alice@{Domain}", $"bob@{Domain}"]);
        var resolver = Resolver();
        await resolver.ResolveAsync(Seed(_alice, first), CancellationToken.None);
        _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs);
        // Bob's copy is scanned afterwards: it is in the index now, and seeds the stage in turn.
        var second = Deliver(_bob, to: [$"alice@{Domain}", $"bob@{Domain}"]);
        await IndexAsync(_bob, second);
        await IndexAsync(_carol, "carol-copy");

        await resolver.ResolveAsync(Seed(_bob, second), CancellationToken.None);

        Assert.Equal([$"bob: {second} | "], Jobs());
    }

    [Fact]
    public async Task Resolve_LaterSeedInAMailboxAlreadyReached_AsksOnlyAfterItsOwnWorkAndActsAtTheCap()
    {
        _options.MaxMailboxesPerCampaign = 2;
        var resolver = Resolver();
        await resolver.ResolveAsync(Seed(_alice, Deliver(_alice, to: [$"alice@{Domain}", $"bob@{Domain}"])), CancellationToken.None);
        _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs);
        var second = Deliver(_bob, to: [$"alice@{Domain}", $"bob@{Domain}"]);
        var store = new InterleavedCampaignStore(_campaigns);

        await Resolver(store: store).ResolveAsync(Seed(_bob, second), CancellationToken.None);

        Assert.Equal([$"bob: {second} | "], Jobs());
        Assert.Equal([DispatchedWork.Sweep, DispatchedWork.RecipientSearch(MessageIdOfLure), DispatchedWork.Copy(_bob, second)], store.WorkRead);
        Assert.Equal([_bob], store.ReachRead);
        Assert.Equal(CampaignStatus.Active, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Resolve_MessageIdAlreadySearched_DoesNotSearchItsRecipientsAgain()
    {
        var seedCopy = Deliver(_carol, to: [$"carol@{Domain}", $"dave@{Domain}"]);
        var seed = Seed(_carol, seedCopy);
        await _campaigns.GetOrAddAsync(CampaignOf(seed, CampaignStatus.Active), CancellationToken.None);
        await _campaigns.MarkDispatchedAsync(CampaignId, [DispatchedWork.Sweep, DispatchedWork.RecipientSearch(MessageIdOfLure)], CancellationToken.None);

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        Assert.Equal([$"carol: {seedCopy} | "], Jobs());
    }

    [Fact]
    public async Task Resolve_NewMessageIdInASweptCampaign_SearchesItsRecipientsButNotTheIndex()
    {
        var seedCopy = Deliver(_carol, to: [$"dave@{Domain}"], internetMessageId: MessageIdOfLaterMailing);
        var seed = Seed(_carol, seedCopy) with { InternetMessageId = MessageIdOfLaterMailing };
        await _campaigns.GetOrAddAsync(CampaignOf(seed, CampaignStatus.Active), CancellationToken.None);
        await _campaigns.MarkDispatchedAsync(CampaignId, [DispatchedWork.Sweep, DispatchedWork.RecipientSearch(MessageIdOfLure)], CancellationToken.None);
        await IndexAsync(_bob, "bob-copy");

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        Assert.Equal([$"carol: {seedCopy} | ", $"dave:  | {MessageIdOfLaterMailing}"], Jobs());
        Assert.Contains(DispatchedWork.RecipientSearch(MessageIdOfLaterMailing), await MarksAsync());
    }

    [Fact]
    public async Task Resolve_SeedScoredBelowTheFloor_CreatesTheCampaignHeldAndTellsTheSocOnce()
    {
        var seedCopy = Deliver(_alice, to: [$"bob@{Domain}"]);
        var seed = Seed(_alice, seedCopy) with { Score = 11.5 };
        var resolver = Resolver();

        await resolver.ResolveAsync(seed, CancellationToken.None);
        await resolver.ResolveAsync(seed, CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Empty(await MarksAsync());
        Assert.Equal(CampaignStatus.Held, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        var held = Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld));
        Assert.Equal(HeldEvent(score: "11.5", count: "2", reason: "score 11.5 is below the floor 12"), held);
    }

    [Fact]
    public async Task Resolve_ReachOverTheCapAtBirth_CreatesTheCampaignHeldAndTellsTheSocOnce()
    {
        _options.MaxMailboxesPerCampaign = 2;
        var seed = Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}", $"carol@{Domain}"]));
        // Copies known to exist, not only recipients to search.
        await IndexAsync(_bob, "bob-copy");
        await IndexAsync(_carol, "carol-copy");
        var resolver = Resolver();

        await resolver.ResolveAsync(seed, CancellationToken.None);
        await resolver.ResolveAsync(seed, CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Equal(CampaignStatus.Held, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        var held = Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld));
        Assert.Equal(HeldEvent(score: "18", count: "3", reason: "it reaches 3 mailboxes, more than 2"), held);
    }

    // The recipients are the sender's words (transport delivers to the envelope, an append to one mailbox): naming a list
    // of thousands in Cc must not hold the copies known to exist for the SOC. They are remediated; only the search of
    // the mailboxes the headers name waits, told to the SOC once.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Resolve_CopyNamingRecipientsBeyondTheCap_RemediatesTheCopiesKnownAndLetsTheSearchWait(bool appended)
    {
        _options.MaxMailboxesPerCampaign = 2;
        var seedCopy = Deliver(_alice, to: [$"alice@{Domain}"], cc: [$"bob@{Domain}", $"carol@{Domain}", $"dave@{Domain}"]);
        var resolver = Resolver();

        var seed = appended ? Appended(_alice, seedCopy) : Seed(_alice, seedCopy);
        await resolver.ResolveAsync(seed, CancellationToken.None);
        await resolver.ResolveAsync(seed, CancellationToken.None);

        Assert.Equal([$"alice: {seedCopy} | {MessageIdOfLure}"], Jobs());
        Assert.Equal(CampaignStatus.Active, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        Assert.Contains(DispatchedWork.RecipientSearch(MessageIdOfLure), await MarksAsync());
        var held = Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld));
        Assert.Equal(HeldEvent(score: "18", count: "3", rules: string.Join(',', seed.Rules),
            reason: "searching the 3 more mailboxes its recipients name would take it beyond 2: the copies known are remediated, the search waits"), held);
    }

    [Fact]
    public async Task Resolve_LaterCopyNamingRecipientsBeyondTheCap_RemediatesItsOwnCopy()
    {
        _options.MaxMailboxesPerCampaign = 2;
        var resolver = Resolver();
        await resolver.ResolveAsync(Seed(_alice, Deliver(_alice, to: [$"alice@{Domain}"])), CancellationToken.None);
        _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs);
        var later = Deliver(_dave, to: [$"bob@{Domain}", $"carol@{Domain}"], internetMessageId: MessageIdOfLaterMailing);

        await resolver.ResolveAsync(Seed(_dave, later) with { InternetMessageId = MessageIdOfLaterMailing }, CancellationToken.None);

        Assert.Equal([$"dave: {later} | "], Jobs());
        Assert.Equal(CampaignStatus.Active, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        Assert.Equal("2", Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld))[PipelineEventProperties.Count]);
    }

    [Fact]
    public async Task Resolve_CopiesOfAMailingNamingRecipientsBeyondTheCap_EachIsRemediatedAsItArrives()
    {
        _options.MaxMailboxesPerCampaign = 3;
        var resolver = Resolver();
        string[] everyone = [$"alice@{Domain}", $"bob@{Domain}", $"carol@{Domain}", $"dave@{Domain}"];
        var alices = Deliver(_alice, to: everyone);
        var bobs = Deliver(_bob, to: everyone);

        await resolver.ResolveAsync(Seed(_alice, alices), CancellationToken.None);
        await resolver.ResolveAsync(Seed(_bob, bobs), CancellationToken.None);

        Assert.Equal([$"alice: {alices} | {MessageIdOfLure}", $"bob: {bobs} | "], Jobs());
    }

    // The copies known are over the cap themselves, or there is none to act on (a user's sent copy): held as before.
    [Fact]
    public async Task Resolve_CopyWithKnownCopiesBeyondTheCap_HoldsTheCampaign()
    {
        _options.MaxMailboxesPerCampaign = 1;
        await IndexAsync(_bob, "bob-copy");

        await Resolver().ResolveAsync(Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}", $"carol@{Domain}"])), CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Equal(CampaignStatus.Held, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Resolve_SentCopyWithOnlyRecipientsToSearchBeyondTheCap_HoldsTheCampaign()
    {
        _options.MaxMailboxesPerCampaign = 1;
        var sent = Deliver(_alice, to: [$"bob@{Domain}", $"carol@{Domain}"], folder: WellKnownFolders.SentItems);

        await Resolver().ResolveAsync(Seed(_alice, sent) with { OwnCopy = true }, CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Equal(CampaignStatus.Held, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Resolve_CampaignGrownBeyondTheCap_HoldsItAndQueuesNothingMore()
    {
        _options.MaxMailboxesPerCampaign = 2;
        var resolver = Resolver();
        await resolver.ResolveAsync(Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}"])), CancellationToken.None);
        _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs);
        var marks = await MarksAsync();
        // A later mailing of the same content, to someone else.
        var later = Deliver(_carol, to: [$"carol@{Domain}"], internetMessageId: MessageIdOfLaterMailing);

        await resolver.ResolveAsync(Seed(_carol, later) with { InternetMessageId = MessageIdOfLaterMailing }, CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Equal(Sorted([.. marks]), Sorted([.. await MarksAsync()]));
        Assert.Equal(CampaignStatus.Held, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        var held = Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld));
        Assert.Equal(HeldEvent(score: "18", count: "3", reason: "it now reaches 3 mailboxes, more than 2"), held);
    }

    [Fact]
    public async Task Resolve_GrownCampaignReleasedMeanwhile_QueuesNothingAndTellsNobody()
    {
        _options.MaxMailboxesPerCampaign = 1;
        var seed = Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}"]));
        await IndexAsync(_bob, "bob-copy");
        await _campaigns.GetOrAddAsync(CampaignOf(seed, CampaignStatus.Active), CancellationToken.None);
        var store = new InterleavedCampaignStore(_campaigns)
        {
            BeforeHold = () => _campaigns.SetStatusAsync(CampaignId, CampaignStatus.Released, "soc@contoso.example", CancellationToken.None),
        };

        await Resolver(store: store).ResolveAsync(seed, CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Equal(CampaignStatus.Released, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        Assert.Empty(_telemetry.Events(PipelineEvents.CampaignHeld));
    }

    [Fact]
    public async Task Resolve_ApprovedCampaignBeyondTheCap_QueuesEveryJobApproved()
    {
        _options.MaxMailboxesPerCampaign = 1;
        var seedCopy = Deliver(_alice, to: [$"bob@{Domain}", $"carol@{Domain}"]);
        var seed = Seed(_alice, seedCopy);
        await _campaigns.GetOrAddAsync(CampaignOf(seed, CampaignStatus.Approved), CancellationToken.None);

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        var jobs = _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs);
        Assert.Equal([$"alice: {seedCopy} | ", $"bob:  | {MessageIdOfLure}", $"carol:  | {MessageIdOfLure}"], Describe(jobs));
        Assert.All(jobs, job => Assert.True(job.Approved));
        Assert.Empty(_telemetry.Events(PipelineEvents.CampaignHeld));
    }

    [Fact]
    public async Task Resolve_ReportOnly_QueuesJobsWithoutAnAction()
    {
        _options.ReportOnly = true;
        var seed = Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}"]));

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        var jobs = _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs);
        Assert.Equal(2, jobs.Sum(job => job.Mailboxes.Count));
        Assert.All(jobs, job => Assert.Null(job.Action));
    }

    [Fact]
    public async Task Resolve_MalwareCampaign_QueuesTheActionForMalware()
    {
        _options.MalwareAction = RemediationAction.SoftDelete;
        var seed = Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}"])) with { Category = ThreatCategory.Malware };

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        var jobs = _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs);
        Assert.Equal(2, jobs.Sum(job => job.Mailboxes.Count));
        Assert.All(jobs, job => Assert.Equal(RemediationAction.SoftDelete, job.Action));
    }

    [Fact]
    public async Task Resolve_CampaignCreatedByAnotherInstanceAMomentAgo_QueuesOnlyWhatThatOneHasNot()
    {
        var seedCopy = Deliver(_alice, to: [$"alice@{Domain}", $"bob@{Domain}"]);
        var seed = Seed(_alice, seedCopy);
        var store = new InterleavedCampaignStore(_campaigns)
        {
            BeforeCreate = async () =>
            {
                await _campaigns.GetOrAddAsync(CampaignOf(seed, CampaignStatus.Active), CancellationToken.None);
                await _campaigns.MarkDispatchedAsync(CampaignId, [DispatchedWork.Copy(_alice, seedCopy), DispatchedWork.Search(_alice, MessageIdOfLure)], CancellationToken.None);
            },
        };

        await Resolver(store: store).ResolveAsync(seed, CancellationToken.None);

        Assert.Equal([$"bob:  | {MessageIdOfLure}"], Jobs());
    }

    [Fact]
    public async Task Resolve_CampaignHeldByAnotherInstanceAMomentAgo_QueuesNothingAndLeavesTheHoldToIt()
    {
        var seed = Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}"])) with { Score = 11 };
        var store = new InterleavedCampaignStore(_campaigns)
        {
            BeforeCreate = () => _campaigns.GetOrAddAsync(CampaignOf(seed, CampaignStatus.Held), CancellationToken.None),
        };

        await Resolver(store: store).ResolveAsync(seed, CancellationToken.None);

        Assert.Empty(Jobs());
        Assert.Empty(_telemetry.Events(PipelineEvents.CampaignHeld));
    }

    [Fact]
    public async Task Resolve_QueueFailsMidwayAndTheSeedIsRetried_QueuesEveryJobWithNoCopyLost()
    {
        var seedCopy = Deliver(_alice, to: [$"bob@{Domain}", $"carol@{Domain}", $"dave@{Domain}"]);
        var seed = Seed(_alice, seedCopy);
        var failing = new FailingQueue(_queue, firstFailing: 2, lastFailing: 2);
        _options.MailboxesPerJob = 1;
        var resolver = Resolver(failing);

        await Assert.ThrowsAsync<IOException>(() => resolver.ResolveAsync(seed, CancellationToken.None));
        var marksAfterFailure = await MarksAsync();
        await resolver.ResolveAsync(seed, CancellationToken.None);

        Assert.NotNull(failing.Refused);
        Assert.DoesNotContain(marksAfterFailure, mark => string.Equals(mark.Scope, Assert.Single(failing.Refused.Mailboxes).MailboxId, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(
            [$"alice: {seedCopy} | ", $"bob:  | {MessageIdOfLure}", $"carol:  | {MessageIdOfLure}", $"dave:  | {MessageIdOfLure}"],
            Jobs().Distinct().Order(StringComparer.Ordinal));
        await resolver.ResolveAsync(seed, CancellationToken.None);
        Assert.Empty(Jobs());
    }

    // The reach is claimed before the jobs go out: the retry finds every mailbox reached and counts none again, so a
    // campaign as large as the cap is not held for the failure.
    [Fact]
    public async Task Resolve_QueueFailsMidwayAtTheCap_TheRetryCountsNoMailboxTwice()
    {
        var seedCopy = Deliver(_alice, to: [$"bob@{Domain}", $"carol@{Domain}", $"dave@{Domain}"]);
        var seed = Seed(_alice, seedCopy);
        var failing = new FailingQueue(_queue, firstFailing: 2, lastFailing: 2);
        _options.MailboxesPerJob = 1;
        _options.MaxMailboxesPerCampaign = 4;
        var resolver = Resolver(failing);

        await Assert.ThrowsAsync<IOException>(() => resolver.ResolveAsync(seed, CancellationToken.None));
        await resolver.ResolveAsync(seed, CancellationToken.None);

        Assert.Equal(CampaignStatus.Active, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        Assert.Equal(4, Jobs().Distinct().Count());
        Assert.Empty(_telemetry.Events(PipelineEvents.CampaignHeld));
    }

    [Fact]
    public async Task Resolve_QueueFailsAfterAHundredJobs_KeepsTheirMarksAndTheRetryQueuesEachOtherJobOnce()
    {
        const int Copies = 110;
        _options.MaxMailboxesPerCampaign = 1_000;
        for (var i = 0; i < Copies; i++) await IndexAsync($"mailbox-{i:D3}", $"copy-{i:D3}");
        var seed = Seed("mailbox-000", "copy-000") with { InternetMessageId = null };
        var failing = new FailingQueue(_queue, firstFailing: 101);
        _options.MailboxesPerJob = 1;
        var resolver = Resolver(failing);

        await Assert.ThrowsAsync<IOException>(() => resolver.ResolveAsync(seed, CancellationToken.None));
        var marksAfterFailure = await MarksAsync();
        var queuedBeforeFailure = Jobs();
        failing.Recover();
        await resolver.ResolveAsync(seed, CancellationToken.None);

        Assert.Equal(100, marksAfterFailure.Count);
        Assert.Equal(100, queuedBeforeFailure.Count);
        var retried = Jobs();
        Assert.Equal(Copies - 100, retried.Count);
        Assert.Equal(Enumerable.Range(0, Copies).Select(i => $"mailbox-{i:D3}: copy-{i:D3} | "), queuedBeforeFailure.Concat(retried).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Resolve_CampaignResolved_LogsItsMailboxesAndTheJobsQueued()
    {
        var seed = Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}", $"carol@{Domain}"]));
        await _campaigns.GetOrAddAsync(CampaignOf(seed, CampaignStatus.Active), CancellationToken.None);
        await _campaigns.MarkDispatchedAsync(CampaignId, [DispatchedWork.Search(_carol, MessageIdOfLure)], CancellationToken.None);
        var logger = new RecordingLogger<CampaignResolver>();

        await Resolver(logger: logger).ResolveAsync(seed, CancellationToken.None);

        Assert.Contains($"Campaign {CampaignId}: copies in 3 mailboxes; 2 mailboxes sent to remediation in 1 jobs", logger.Messages);
    }

    [Fact]
    public async Task Resolve_MoreMailboxesThanAJobHolds_PacksThemIntoJobsOfThatManyAndMarksEvery()
    {
        _options.MailboxesPerJob = 2;
        var seedCopy = Deliver(_alice, to: [$"bob@{Domain}", $"carol@{Domain}", $"dave@{Domain}"]);
        var seed = Seed(_alice, seedCopy);

        await Resolver().ResolveAsync(seed, CancellationToken.None);

        var jobs = _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs);
        Assert.Equal([2, 2], jobs.Select(job => job.Mailboxes.Count));
        Assert.Equal(
            [$"alice: {seedCopy} | ", $"bob:  | {MessageIdOfLure}", $"carol:  | {MessageIdOfLure}", $"dave:  | {MessageIdOfLure}"],
            Describe(jobs));
        Assert.Equal(
            Sorted(DispatchedWork.Copy(_alice, seedCopy), DispatchedWork.Search(_bob, MessageIdOfLure), DispatchedWork.Search(_carol, MessageIdOfLure),
                DispatchedWork.Search(_dave, MessageIdOfLure), DispatchedWork.Sweep, DispatchedWork.RecipientSearch(MessageIdOfLure)),
            Sorted([.. await MarksAsync()]));
    }

    [Fact]
    public async Task Approve_UnknownCampaign_ReturnsFalseAndDoesNothing()
    {
        var approved = await Resolver().ApproveAsync("no-such-campaign", "soc@contoso.example", CancellationToken.None);

        Assert.False(approved);
        Assert.Null(_campaigns.StatusSetBy("no-such-campaign", CampaignStatus.Approved));
        Assert.Empty(_queue.Drain<MaliciousMessage>(WorkQueueNames.Campaigns));
        Assert.Empty(_telemetry.Events(PipelineEvents.CampaignApproved));
    }

    [Fact]
    public async Task Approve_HeldCampaign_ApprovesItForgetsItsMarksAndQueuesTheSeedAgain()
    {
        var seed = Seed(_alice, Deliver(_alice, to: [$"bob@{Domain}"]));
        await _campaigns.GetOrAddAsync(CampaignOf(seed, CampaignStatus.Held), CancellationToken.None);
        await _campaigns.MarkDispatchedAsync(CampaignId, [DispatchedWork.Sweep, DispatchedWork.Copy(_alice, seed.MessageId)], CancellationToken.None);

        var approved = await Resolver().ApproveAsync(CampaignId, "soc@contoso.example", CancellationToken.None);

        Assert.True(approved);
        Assert.Equal(CampaignStatus.Approved, (await _campaigns.FindAsync(CampaignId, CancellationToken.None))?.Status);
        Assert.Equal("soc@contoso.example", _campaigns.StatusSetBy(CampaignId, CampaignStatus.Approved)?.Actor);
        Assert.Empty(await MarksAsync());
        var requeued = Assert.Single(_queue.Drain<MaliciousMessage>(WorkQueueNames.Campaigns));
        Assert.Equal((seed.CampaignId, seed.MailboxId, seed.MessageId), (requeued.CampaignId, requeued.MailboxId, requeued.MessageId));
        var @event = Assert.Single(_telemetry.Events(PipelineEvents.CampaignApproved));
        Assert.Equal(
            new Dictionary<string, string> { [PipelineEventProperties.CampaignId] = CampaignId, [PipelineEventProperties.Actor] = "soc@contoso.example" },
            @event);
    }

    [Fact]
    public async Task Approve_CampaignHeldAtBirth_ItsSeedQueuedAgainDispatchesEveryJobApproved()
    {
        _options.MaxMailboxesPerCampaign = 1;
        var seedCopy = Deliver(_alice, to: [$"bob@{Domain}"]);
        await IndexAsync(_bob, "bob-copy");
        var resolver = Resolver();
        await resolver.ResolveAsync(Seed(_alice, seedCopy), CancellationToken.None);

        await resolver.ApproveAsync(CampaignId, "soc@contoso.example", CancellationToken.None);
        await resolver.ResolveAsync(Assert.Single(_queue.Drain<MaliciousMessage>(WorkQueueNames.Campaigns)), CancellationToken.None);

        var jobs = _queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs);
        Assert.Equal([$"alice: {seedCopy} | ", $"bob: bob-copy | {MessageIdOfLure}"], Describe(jobs));
        Assert.All(jobs, job => Assert.True(job.Approved));
    }

    private CampaignResolver Resolver(IWorkQueue? queue = null, ICampaignStore? store = null, ILogger<CampaignResolver>? logger = null, IMessageIndex? index = null) => new(
        store ?? _campaigns, index ?? _index, _mailboxes, queue ?? _queue, _telemetry, Options.Create(_options),
        Options.Create(new TenantOptions { TenantId = TestMail.TenantId, AcceptedDomains = [Domain] }), Options.Create(new DetectionOptions()),
        logger ?? NullLogger<CampaignResolver>.Instance);

    private string User(string name, string domain = Domain)
    {
        var id = _mailboxes.AddMailbox($"{name}@{domain}");
        _names[id] = name;
        return id;
    }

    /// <summary>A copy of the lure delivered to the mailbox, addressed as given; returns its message id.</summary>
    private string Deliver(string mailboxId, string[] to, string[]? cc = null, string[]? bcc = null, string folder = WellKnownFolders.Inbox, string internetMessageId = MessageIdOfLure) =>
        _mailboxes.AddMessage(mailboxId, Lure(internetMessageId, string.Join(", ", to), cc is null ? null : string.Join(", ", cc), bcc is null ? null : string.Join(", ", bcc)), folder);

    private static string Lure(string internetMessageId, string to, string? cc = null, string? bcc = null) =>
        $"From: IT Helpdesk <helpdesk@login-verify.example>\r\nTo: {to}\r\n" + (cc is null ? "" : $"Cc: {cc}\r\n") + (bcc is null ? "" : $"Bcc: {bcc}\r\n") +
        $"Subject: Mailbox quota exceeded\r\nMessage-ID: {internetMessageId}\r\nDate: Sun, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
        "Your mailbox is full. Verify your account at https://login-verify.example/reset today.\r\n";

    private static MaliciousMessage Seed(string mailboxId, string messageId) => new(
        CampaignId, mailboxId, messageId, MessageIdOfLure, ThreatCategory.Phishing, 18, ["R1", "R2"], NotifiedAt, LureFingerprint.Value.Id);

    // Content 16, and 2 for bypassing transport.
    private static MaliciousMessage Appended(string mailboxId, string messageId) =>
        Seed(mailboxId, messageId) with { Rules = ["R1", "R2", TransportBypassRule.Name] };

    // Content 10.5, and 2.5 for bypassing transport.
    private static MaliciousMessage LiftedByArrival(string mailboxId, string messageId) =>
        Seed(mailboxId, messageId) with { Score = 13, Rules = ["R1", "R2", TransportBypassRule.Name, NoReceivedHopsRule.Name] };

    private static Campaign CampaignOf(MaliciousMessage seed, CampaignStatus status) =>
        new(seed.CampaignId, seed.Category, seed.Score, seed.Rules, seed.NotifiedAt, status, seed);

    private Task IndexAsync(string mailboxId, string messageId, bool isOwnCopy = false) => _index.RecordAsync(new IndexedMessage(
        mailboxId, messageId, MessageIdOfLure, NotifiedAt, CampaignId, StandsForCampaign: true, LureFingerprint.Value.Id, VerdictBand.Malicious, isOwnCopy, [], [], []),
        CancellationToken.None);

    private Task<IReadOnlySet<DispatchedWork>> MarksAsync() => Task.FromResult(_campaigns.Marks(CampaignId));

    private static Dictionary<string, string> HeldEvent(string score, string count, string reason, string rules = "R1,R2") => new()
    {
        [PipelineEventProperties.CampaignId] = CampaignId,
        [PipelineEventProperties.Fingerprint] = LureFingerprint.Value.Id,
        [PipelineEventProperties.Category] = "Phishing",
        [PipelineEventProperties.Score] = score,
        [PipelineEventProperties.Rules] = rules,
        [PipelineEventProperties.Count] = count,
        [PipelineEventProperties.Reason] = reason,
    };

    /// <summary>The mailboxes of the remediation jobs queued so far, taken off the queue, each as "mailbox: message ids | Message-IDs".</summary>
    private List<string> Jobs() => Describe(_queue.Drain<RemediationJob>(WorkQueueNames.RemediationJobs));

    private List<string> Describe(IEnumerable<RemediationJob> jobs) =>
    [
        .. jobs.SelectMany(job => job.Mailboxes).Select(m => $"{_names.GetValueOrDefault(m.MailboxId, m.MailboxId)}: {string.Join(',', m.MessageIds.Order(StringComparer.Ordinal))} | {string.Join(',', m.InternetMessageIds)}")
            .Order(StringComparer.Ordinal),
    ];

    private static List<DispatchedWork> Sorted(params DispatchedWork[] marks) =>
        [.. marks.OrderBy(m => m.Scope, StringComparer.Ordinal).ThenBy(m => m.Item, StringComparer.Ordinal)];

    /// <summary>The queue refuses remediation jobs from the first failing one to the last, or until it recovers, as a storage outage would.</summary>
    /// <summary>The index, counting the campaign stage's sweeps: a copy that waits for a SOC already told looks for nothing.</summary>
    private sealed class SweepCountingIndex(IMessageIndex inner) : IMessageIndex
    {
        public int Sweeps { get; private set; }

        public Task RecordAsync(IndexedMessage message, CancellationToken cancellationToken) => inner.RecordAsync(message, cancellationToken);

        public Task<IReadOnlyList<CopyLocation>> CopiesAsync(string campaignKey, CancellationToken cancellationToken)
        {
            Sweeps++;
            return inner.CopiesAsync(campaignKey, cancellationToken);
        }

        public Task<IndexPage> PageAsync(string partitionKey, DateTimeOffset since, string? continuation, int pageSize, CancellationToken cancellationToken) =>
            inner.PageAsync(partitionKey, since, continuation, pageSize, cancellationToken);
    }

    private sealed class FailingQueue(InMemoryWorkQueue inner, int firstFailing, int lastFailing = int.MaxValue) : IWorkQueue
    {
        private int _jobs;
        private int _lastFailing = lastFailing;

        /// <summary>The first job refused.</summary>
        public RemediationJob? Refused { get; private set; }

        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken)
        {
            if (message is RemediationJob job && Interlocked.Increment(ref _jobs) is var n && n >= firstFailing && n <= Volatile.Read(ref _lastFailing))
            {
                if (n == firstFailing) Refused = job;
                throw new IOException($"The queue refused job {n}.");
            }
            // Past the refusal the stage cancels what is still in flight; a write already under way still lands.
            return inner.EnqueueAsync(queueName, message, CancellationToken.None);
        }

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken) => inner.EnqueueAsync(queueName, message, visibleAfter, cancellationToken);

        public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) => inner.ApproximateCountAsync(queueName, cancellationToken);

        /// <summary>The outage ends: every job from now on is accepted.</summary>
        public void Recover() => Volatile.Write(ref _lastFailing, Volatile.Read(ref _jobs));
    }

    /// <summary>The campaign store, with another instance's (or the SOC's) writes landing just before this one's.</summary>
    private sealed class InterleavedCampaignStore(InMemoryCampaignStore inner) : ICampaignStore
    {
        public Func<Task>? BeforeCreate { get; init; }

        public Func<Task>? BeforeHold { get; init; }

        public Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken) => inner.FindAsync(campaignId, cancellationToken);

        public async Task<(Campaign Campaign, bool Created)> GetOrAddAsync(Campaign campaign, CancellationToken cancellationToken)
        {
            if (BeforeCreate is not null) await BeforeCreate();
            return await inner.GetOrAddAsync(campaign, cancellationToken);
        }

        public async Task<bool> TryHoldAsync(string campaignId, CancellationToken cancellationToken)
        {
            if (BeforeHold is not null) await BeforeHold();
            return await inner.TryHoldAsync(campaignId, cancellationToken);
        }

        public Task<bool> TryPromoteAsync(string campaignId, MaliciousMessage seed, CancellationToken cancellationToken) =>
            inner.TryPromoteAsync(campaignId, seed, cancellationToken);

        public Task<bool> TryActivateAsync(string campaignId, MaliciousMessage seed, double floor, CancellationToken cancellationToken) =>
            inner.TryActivateAsync(campaignId, seed, floor, cancellationToken);

        public Task SetStatusAsync(string campaignId, CampaignStatus status, string actor, CancellationToken cancellationToken) =>
            inner.SetStatusAsync(campaignId, status, actor, cancellationToken);

        /// <summary>Every piece of work asked after, in the order asked.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<DispatchedWork> WorkRead { get; } = new();

        /// <summary>Every mailbox whose reach was asked after, in the order asked.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string> ReachRead { get; } = new();

        public Task<IReadOnlySet<DispatchedWork>> DispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> candidates, CancellationToken cancellationToken)
        {
            foreach (var candidate in candidates) WorkRead.Enqueue(candidate);
            return inner.DispatchedAsync(campaignId, candidates, cancellationToken);
        }

        public Task<IReadOnlySet<string>> ReachedAsync(string campaignId, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken)
        {
            foreach (var mailboxId in mailboxIds) ReachRead.Enqueue(mailboxId);
            return inner.ReachedAsync(campaignId, mailboxIds, cancellationToken);
        }

        public Task<int> ExtendReachAsync(string campaignId, IReadOnlyCollection<string> mailboxIds, int cap, CancellationToken cancellationToken) =>
            inner.ExtendReachAsync(campaignId, mailboxIds, cap, cancellationToken);

        public Task ForgetDispatchedAsync(string campaignId, CancellationToken cancellationToken) => inner.ForgetDispatchedAsync(campaignId, cancellationToken);

        public Task MarkDispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> work, CancellationToken cancellationToken) =>
            inner.MarkDispatchedAsync(campaignId, work, cancellationToken);
    }
}
