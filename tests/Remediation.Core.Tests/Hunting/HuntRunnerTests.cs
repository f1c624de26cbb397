using Remediation.Core.Campaigns;
using Remediation.Core.Hunting;
using Remediation.Core.Indexing;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;
using Remediation.Core.Telemetry;
using Remediation.Core.Tests.Scanning;

namespace Remediation.Core.Tests.Hunting;

/// <summary>
/// The hunt stage's decisions on the in-memory twins: which indexed copies a hunt matches, that each content is
/// re-judged once with what the tenant knows now, what it hands to the campaign stage (or only records, in report-only
/// mode), how it resumes where it stopped without judging or queuing again, and what it tells the SOC when done.
/// </summary>
public sealed class HuntRunnerTests
{
    private static readonly DateTimeOffset Now = HuntFixture.Now;
    private readonly HuntFixture _fixture = new();

    [Fact]
    public async Task Run_UnknownHunt_DoesNothing()
    {
        await _fixture.DeliverAndScanAsync(_fixture.Alice, HuntFixture.Update(1));

        await RunAsync("no-such-hunt");

        Assert.Null(await _fixture.Hunts.FindAsync("no-such-hunt", CancellationToken.None));
        Assert.Equal(HuntProgress.NotStarted, await _fixture.ProgressAsync("no-such-hunt"));
        Assert.Empty(_fixture.Seeds());
        Assert.Empty(_fixture.HuntRequests());
        Assert.Empty(_fixture.Telemetry.Events(PipelineEvents.HuntCompleted));
    }

    [Fact]
    public async Task Run_UrlDomain_HandsEachContentToTheCampaignStageOnceAndCountsEveryCopy()
    {
        var update = HuntFixture.Update(1);
        // The first copy to arrive is the one re-judged, and stands for the others.
        var alices = await _fixture.DeliverAndScanAsync(_fixture.Alice, update, receivedAt: Now.AddDays(-3));
        await _fixture.DeliverAndScanAsync(_fixture.Bob, update, receivedAt: Now.AddDays(-2));
        await _fixture.DeliverAndScanAsync(_fixture.Carol, update, receivedAt: Now.AddDays(-1));
        await _fixture.DeliverAndScanAsync(_fixture.Alice, HuntFixture.Update(2, host: "www.unrelated.example"));
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain));
        _fixture.Clock.Advance(TimeSpan.FromMilliseconds(95_270));

        await RunAsync();

        var campaignId = HuntFixture.CampaignIdOf(update);
        var seed = Assert.Single(_fixture.Seeds());
        Assert.Equal(
            (campaignId, _fixture.Alice, alices, ThreatCategory.Phishing, Now, false),
            (seed.CampaignId, seed.MailboxId, seed.MessageId, seed.Category, seed.NotifiedAt, seed.OwnCopy));
        Assert.Equal((22.5, UntransportedAnd(HuntedIndicatorRule.Name)), (seed.Score, string.Join(',', seed.Rules)));
        var finding = Assert.Single(await _fixture.FindingsAsync());
        Assert.Equal(
            ("content|" + campaignId, true, campaignId, "Phishing", 22.5, UntransportedAnd(HuntedIndicatorRule.Name), _fixture.Alice, alices),
            (finding.Key, finding.Malicious, finding.CampaignId, finding.Category, finding.Score, string.Join(',', finding.Rules), finding.MailboxId, finding.MessageId));
        Assert.Equal(new HuntProgress(null, 1, 3, 3, Now.AddMilliseconds(95_270)), await _fixture.ProgressAsync());
        Assert.Empty(_fixture.HuntRequests());
    }

    [Fact]
    public async Task Run_Completed_TellsTheSocWhatItFoundWithEveryProperty()
    {
        var first = HuntFixture.Update(1);
        var second = HuntFixture.Update(2);
        await _fixture.DeliverAndScanAsync(_fixture.Alice, first);
        await _fixture.DeliverAndScanAsync(_fixture.Bob, first);
        await _fixture.DeliverAndScanAsync(_fixture.Carol, second);
        await _fixture.CreateAsync(new Hunt(
            "hunt-1", Indicator.UrlDomain(HuntFixture.LaterBadDomain), Now.AddDays(-3), false, HuntTrigger.Settings, "trigger", Now.AddSeconds(-30)));
        _fixture.Clock.Advance(TimeSpan.FromSeconds(12.26));

        await RunAsync();

        var completed = Assert.Single(_fixture.Telemetry.Events(PipelineEvents.HuntCompleted));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["HuntId"] = "hunt-1",
                ["Indicator"] = "UrlDomain later-bad.example",
                ["Trigger"] = "Settings",
                ["Actor"] = "trigger",
                ["Since"] = "2026-11-26T10:15:00.0000000+00:00",
                ["Matched"] = "3",
                ["Copies"] = "3",
                ["Campaigns"] = "2",
                ["ReportOnly"] = "False",
                ["DurationSeconds"] = "42.3",
            },
            completed);
    }

    [Fact]
    public async Task Run_ReportOnly_RecordsWhatItWouldRemediateAndQueuesNothing()
    {
        var update = HuntFixture.Update(1);
        var alices = await _fixture.DeliverAndScanAsync(_fixture.Alice, update, receivedAt: Now.AddDays(-2));
        await _fixture.DeliverAndScanAsync(_fixture.Bob, update);
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain), reportOnly: true);

        await RunAsync();

        Assert.Empty(_fixture.Seeds());
        var finding = Assert.Single(await _fixture.FindingsAsync());
        Assert.Equal((true, HuntFixture.CampaignIdOf(update), alices), (finding.Malicious, finding.CampaignId, finding.MessageId));
        Assert.Equal(new HuntProgress(null, 1, 2, 2, Now), await _fixture.ProgressAsync());
        var completed = Assert.Single(_fixture.Telemetry.Events(PipelineEvents.HuntCompleted));
        Assert.Equal(("True", "2", "1"), (completed["ReportOnly"], completed["Copies"], completed["Campaigns"]));
    }

    [Fact]
    public async Task Run_HostIndicator_MatchesThatHostAndItsSubdomainsOnly()
    {
        var news = HuntFixture.Update(1, host: "news.later-bad.example");
        var www = HuntFixture.Update(2, host: "www.later-bad.example");
        var deeper = HuntFixture.Update(3, host: "eu.news.later-bad.example");
        foreach (var mime in new[] { news, www, deeper }) await _fixture.DeliverAndScanAsync(_fixture.Alice, mime);
        await _fixture.CreateAsync(Indicator.UrlDomain("news.later-bad.example"));

        await RunAsync();

        Assert.Equal(ContentsOf(news, deeper), _fixture.Seeds().Select(s => s.CampaignId).Order(StringComparer.Ordinal));
        Assert.Equal(new HuntProgress(null, 1, 2, 2, Now), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_SenderAddress_JudgesEachCopyOnItsOwnAndHandsEachOver()
    {
        var fromBilling = HuntFixture.Update(1, host: "www.unrelated.example", from: "billing@partner.example");
        var alices = await _fixture.DeliverAndScanAsync(_fixture.Alice, fromBilling, receivedAt: Now.AddDays(-3));
        var bobs = await _fixture.DeliverAndScanAsync(_fixture.Bob, fromBilling, receivedAt: Now.AddDays(-2));
        await _fixture.DeliverAndScanAsync(_fixture.Carol, HuntFixture.Update(2, host: "www.unrelated.example", from: "updates@partner.example"));
        await _fixture.CreateAsync(Indicator.Sender("Billing@Partner.example"));

        await RunAsync();

        // A sender says nothing about the content: each copy is a finding and a seed of its own, under its own key.
        var findings = (await _fixture.FindingsAsync()).OrderBy(f => f.MailboxId == _fixture.Alice ? 0 : 1).ToList();
        Assert.Equal([$"copy|{_fixture.Alice}|{alices}", $"copy|{_fixture.Bob}|{bobs}"], findings.Select(f => f.Key));
        Assert.All(findings, f => Assert.Equal((true, "Phishing", UntransportedAnd(HuntedIndicatorRule.SenderName)), (f.Malicious, f.Category, string.Join(',', f.Rules))));
        var seeds = _fixture.Seeds();
        Assert.Equal([(_fixture.Alice, alices), (_fixture.Bob, bobs)], seeds.Select(s => (s.MailboxId, s.MessageId)));
        Assert.Equal(findings.Select(f => f.CampaignId), seeds.Select(s => s.CampaignId));
        Assert.DoesNotContain(HuntFixture.CampaignIdOf(fromBilling), seeds.Select(s => s.CampaignId));
        Assert.Equal(new HuntProgress(null, 1, 2, 2, Now), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_SenderDomain_MatchesEveryAddressInIt()
    {
        await _fixture.DeliverAndScanAsync(_fixture.Alice, HuntFixture.Update(1, host: "www.unrelated.example", from: "billing@partner.example"), Now.AddDays(-3));
        await _fixture.DeliverAndScanAsync(_fixture.Bob, HuntFixture.Update(2, host: "www.unrelated.example", from: "updates@mail.partner.example"), Now.AddDays(-2));
        await _fixture.DeliverAndScanAsync(_fixture.Carol, HuntFixture.Update(3, host: "www.unrelated.example", from: "updates@other.example"));
        await _fixture.CreateAsync(Indicator.Sender("partner.example"));

        await RunAsync();

        Assert.Equal([_fixture.Alice, _fixture.Bob], _fixture.Seeds().Select(s => s.MailboxId));
        Assert.Equal(new HuntProgress(null, 1, 2, 2, Now), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_AttachmentHash_HandsOverTheMailCarryingItAsMalware()
    {
        var attached = WithAttachment(1, "release-notes.txt", "The amber release notes, in full.");
        var carrying = await _fixture.DeliverAndScanAsync(_fixture.Alice, attached);
        await _fixture.DeliverAndScanAsync(_fixture.Bob, WithAttachment(2, "release-notes.txt", "The birch release notes, in full."));
        await _fixture.CreateAsync(Indicator.AttachmentSha256(Sha256Of("The amber release notes, in full.")));

        await RunAsync();

        var seed = Assert.Single(_fixture.Seeds());
        Assert.Equal((carrying, ThreatCategory.Malware, HuntFixture.CampaignIdOf(attached)), (seed.MessageId, seed.Category, seed.CampaignId));
        Assert.Contains(HuntedIndicatorRule.Name, seed.Rules);
        Assert.Equal(new HuntProgress(null, 1, 1, 1, Now), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_Fingerprint_HandsOverThatContentOnly()
    {
        var update = HuntFixture.Update(1);
        await _fixture.DeliverAndScanAsync(_fixture.Alice, update);
        await _fixture.DeliverAndScanAsync(_fixture.Bob, update);
        await _fixture.DeliverAndScanAsync(_fixture.Carol, HuntFixture.Update(2));
        await _fixture.CreateAsync(Indicator.Fingerprint(HuntFixture.Engine.FingerprintOf(TestMail.Parse(update)).Id.ToUpperInvariant()));

        await RunAsync();

        Assert.Equal([HuntFixture.CampaignIdOf(update)], _fixture.Seeds().Select(s => s.CampaignId));
        Assert.Equal(new HuntProgress(null, 1, 2, 2, Now), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_AnyMessage_RejudgesWhatWasLetThroughWithTheListsTheTenantHasNow()
    {
        var linksBad = HuntFixture.Update(1);
        var linksElsewhere = HuntFixture.Update(2, host: "www.unrelated.example");
        var alices = await _fixture.DeliverAndScanAsync(_fixture.Alice, linksBad);
        var bobs = await _fixture.DeliverAndScanAsync(_fixture.Bob, linksElsewhere);
        // Judged malicious when it arrived, so handled then: a re-scan leaves it.
        var carols = _fixture.Mailboxes.AddMessage(_fixture.Carol, HuntFixture.Update(3), receivedAt: Now.AddDays(-1));
        await _fixture.Index.RecordAsync(Indexed(_fixture.Carol, carols, HuntFixture.Update(3), VerdictBand.Malicious), CancellationToken.None);
        // Judged suspicious, so let through: looked at again.
        var carolsSuspicious = _fixture.Mailboxes.AddMessage(_fixture.Carol, HuntFixture.Update(4, host: "www.unrelated.example"), receivedAt: Now.AddDays(-1));
        await _fixture.Index.RecordAsync(Indexed(_fixture.Carol, carolsSuspicious, HuntFixture.Update(4, host: "www.unrelated.example"), VerdictBand.Suspicious), CancellationToken.None);
        await _fixture.CreateAsync(Indicator.AnyMessage, trigger: HuntTrigger.EngineChanged);
        var knowingNow = TestMail.Engine(d => d.BlockedUrlDomains = [HuntFixture.LaterBadDomain]);

        await RunAsync(engine: knowingNow);

        var seed = Assert.Single(_fixture.Seeds());
        Assert.Equal((_fixture.Alice, alices, HuntFixture.CampaignIdOf(linksBad)), (seed.MailboxId, seed.MessageId, seed.CampaignId));
        Assert.Contains(BlockedUrlDomainRule.Name, seed.Rules);
        Assert.DoesNotContain(HuntedIndicatorRule.Name, seed.Rules);
        var findings = (await _fixture.FindingsAsync()).ToDictionary(f => f.MessageId);
        Assert.Equal([alices, bobs, carolsSuspicious], findings.Keys.OrderBy(k => k == alices ? 0 : k == bobs ? 1 : 2));
        Assert.Equal((false, "Clean"), (findings[bobs].Malicious, findings[bobs].Category));
        Assert.Equal((false, "Clean"), (findings[carolsSuspicious].Malicious, findings[carolsSuspicious].Category));
        Assert.Equal(new HuntProgress(null, 1, 3, 1, Now), await _fixture.ProgressAsync());
        var completed = Assert.Single(_fixture.Telemetry.Events(PipelineEvents.HuntCompleted));
        Assert.Equal(("AnyMessage *", "EngineChanged", "1"), (completed["Indicator"], completed["Trigger"], completed["Campaigns"]));
    }

    // What makes the appended copy malicious now is how it arrived: the copy transport delivered is judged on its own.
    [Fact]
    public async Task Run_AnyMessage_CopyMaliciousOnlyThroughHowItArrived_StandsForItselfAlone()
    {
        var update = HuntFixture.Update(1, host: "www.unrelated.example");
        var alices = await _fixture.DeliverAndScanAsync(_fixture.Alice, update, receivedAt: Now.AddDays(-2));
        var bobs = await _fixture.DeliverAndScanAsync(_fixture.Bob,
            TransportStamps.Stamp(TestMail.Parse(update), TestMail.TenantId, Now.AddDays(-1)).ToString(), receivedAt: Now.AddDays(-1));
        await _fixture.CreateAsync(Indicator.AnyMessage, trigger: HuntTrigger.EngineChanged);
        var stricterNow = TestMail.Engine(d => (d.SuspiciousThreshold, d.MaliciousThreshold) = (1, 2));

        await RunAsync(engine: stricterNow);

        var seed = Assert.Single(_fixture.Seeds());
        Assert.Equal((alices, true), (seed.MessageId, seed.CopyBound));
        var findings = (await _fixture.FindingsAsync()).ToDictionary(f => f.MessageId);
        Assert.Equal((true, false), (findings[alices].Malicious, findings[bobs].Malicious));
    }

    // The other way round: the copy transport delivered is judged first and is not malicious. Its verdict does not
    // speak for the appended copy, which the points for bypassing transport make malicious.
    [Fact]
    public async Task Run_AnyMessage_TransportedCopyJudgedFirstIsNotMalicious_TheAppendedCopyIsStillJudged()
    {
        var update = HuntFixture.Update(1, host: "www.unrelated.example");
        var bobs = await _fixture.DeliverAndScanAsync(_fixture.Bob,
            TransportStamps.Stamp(TestMail.Parse(update), TestMail.TenantId, Now.AddDays(-2)).ToString(), receivedAt: Now.AddDays(-2));
        var alices = await _fixture.DeliverAndScanAsync(_fixture.Alice, update, receivedAt: Now.AddDays(-1));
        await _fixture.CreateAsync(Indicator.AnyMessage, trigger: HuntTrigger.EngineChanged);
        var stricterNow = TestMail.Engine(d => (d.SuspiciousThreshold, d.MaliciousThreshold) = (1, 2));

        await RunAsync(engine: stricterNow);

        var findings = (await _fixture.FindingsAsync()).ToDictionary(f => f.MessageId);
        Assert.Equal((false, true), (findings[bobs].Malicious, findings[alices].Malicious));
        Assert.Equal(alices, Assert.Single(_fixture.Seeds()).MessageId);
    }

    // Clean by far: no copy's arrival could carry it over the line, so one copy stands for them all.
    [Fact]
    public async Task Run_AnyMessage_ContentFarBelowTheLine_IsJudgedOnceForEveryCopy()
    {
        var update = TransportStamps.Stamp(TestMail.Parse(HuntFixture.Update(2, host: "www.unrelated.example")), TestMail.TenantId, Now.AddDays(-2)).ToString();
        await _fixture.DeliverAndScanAsync(_fixture.Alice, update, receivedAt: Now.AddDays(-2));
        await _fixture.DeliverAndScanAsync(_fixture.Bob, update, receivedAt: Now.AddDays(-1));
        await _fixture.CreateAsync(Indicator.AnyMessage, trigger: HuntTrigger.EngineChanged);

        await RunAsync();

        Assert.False(Assert.Single(await _fixture.FindingsAsync()).Malicious);
        Assert.Equal(2, (await _fixture.ProgressAsync()).Matched);
    }

    // A decoy from a neutral sender came first with the wave's words; the wave's sender is what the tenant learns is bad.
    // The decoy's clean finding speaks for its own sender's copies only, so the wave's copy is judged and handed over.
    [Fact]
    public async Task Run_AnyMessage_DecoyFromAnotherSenderJudgedFirst_TheWavesCopyIsStillJudged()
    {
        static string From(string sender)
        {
            var message = TestMail.Parse(HuntFixture.Update(2, host: "www.unrelated.example"));
            message.From.Clear();
            message.From.Add(MimeKit.MailboxAddress.Parse(sender));
            return TransportStamps.Stamp(message, TestMail.TenantId, Now.AddDays(-2)).ToString();
        }
        var decoy = await _fixture.DeliverAndScanAsync(_fixture.Alice, From("news@neutral.example"), receivedAt: Now.AddDays(-2));
        var wave = await _fixture.DeliverAndScanAsync(_fixture.Bob, From("news@wave-sender.example"), receivedAt: Now.AddDays(-1));
        await _fixture.CreateAsync(Indicator.AnyMessage, trigger: HuntTrigger.EngineChanged);

        await RunAsync(engine: TestMail.Engine(d => d.BlockedSenderDomains = ["wave-sender.example"]));

        var findings = (await _fixture.FindingsAsync()).ToDictionary(f => f.MessageId);
        Assert.Equal((false, true), (findings[decoy].Malicious, findings[wave].Malicious));
        Assert.Equal(wave, Assert.Single(_fixture.Seeds()).MessageId);
    }

    // Malicious now at 10 points, below the score floor: its campaign will not look for the other copies, so each is
    // judged and handed over on its own; under a floor of 10 one copy stands for the content.
    [Theory]
    [InlineData(12, 2)]
    [InlineData(10, 1)]
    public async Task Run_AnyMessage_MaliciousContentBelowTheFloor_EachCopyIsJudged(double floor, int seeds)
    {
        _fixture.Remediation.MinimumScoreToAct = floor;
        var update = TransportStamps.Stamp(TestMail.Parse(HuntFixture.Update(1)), TestMail.TenantId, Now.AddDays(-2)).ToString();
        await _fixture.DeliverAndScanAsync(_fixture.Alice, update, receivedAt: Now.AddDays(-2));
        await _fixture.DeliverAndScanAsync(_fixture.Bob, update, receivedAt: Now.AddDays(-1));
        await _fixture.CreateAsync(Indicator.AnyMessage, trigger: HuntTrigger.EngineChanged);

        await RunAsync(engine: TestMail.Engine(d => d.BlockedUrlDomains = [HuntFixture.LaterBadDomain]));

        Assert.Equal(seeds, _fixture.Seeds().Count);
        Assert.All(await _fixture.FindingsAsync(), finding => Assert.True(finding.Malicious));
    }

    [Fact]
    public async Task Run_AnyMessage_CampaignApprovedSinceMarksCopiesLetThroughBefore()
    {
        var update = HuntFixture.Update(1, host: "www.unrelated.example");
        var alices = await _fixture.DeliverAndScanAsync(_fixture.Alice, update);
        var campaignId = HuntFixture.CampaignIdOf(update);
        var seedOfCampaign = new MaliciousMessage(campaignId, _fixture.Bob, "elsewhere", null, ThreatCategory.Phishing, 30, ["R1"], Now.AddHours(-1));
        await _fixture.Campaigns.GetOrAddAsync(
            new Campaign(campaignId, ThreatCategory.Phishing, 30, ["R1"], Now.AddHours(-1), CampaignStatus.Approved, seedOfCampaign), CancellationToken.None);
        await _fixture.CreateAsync(Indicator.AnyMessage, trigger: HuntTrigger.EngineChanged);

        await RunAsync();

        var seed = Assert.Single(_fixture.Seeds());
        Assert.Equal((alices, campaignId, ThreatCategory.Phishing), (seed.MessageId, seed.CampaignId, seed.Category));
        Assert.Contains(KnownCampaignRule.Name, seed.Rules);
    }

    [Fact]
    public async Task Run_Window_LooksAtMailFromSinceOnward()
    {
        var update = HuntFixture.Update(1);
        await _fixture.DeliverAndScanAsync(_fixture.Alice, update, receivedAt: Now.AddDays(-7).AddSeconds(-1));
        var bobs = await _fixture.DeliverAndScanAsync(_fixture.Bob, update, receivedAt: Now.AddDays(-7));
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain), since: Now.AddDays(-7));

        await RunAsync();

        Assert.Equal([bobs], _fixture.Seeds().Select(s => s.MessageId));
        Assert.Equal(new HuntProgress(null, 1, 1, 1, Now), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_FindingsAlreadyRecorded_AreNotJudgedOrQueuedAgainButCounted()
    {
        var update = HuntFixture.Update(1);
        await _fixture.DeliverAndScanAsync(_fixture.Alice, update);
        await _fixture.DeliverAndScanAsync(_fixture.Bob, update);
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain));
        var earlier = new HuntFinding("content|" + HuntFixture.CampaignIdOf(update), true, "campaign-judged-before", "Phishing", 21, ["EARLIER"], _fixture.Alice, "earlier-id");
        await _fixture.Hunts.AddFindingAsync("hunt-1", earlier, CancellationToken.None);

        await RunAsync();

        Assert.Empty(_fixture.Seeds());
        Assert.Equal([earlier], await _fixture.FindingsAsync(), new FindingComparer());
        Assert.Equal(new HuntProgress(null, 1, 2, 2, Now), await _fixture.ProgressAsync());
        Assert.Equal("1", Assert.Single(_fixture.Telemetry.Events(PipelineEvents.HuntCompleted))["Campaigns"]);
    }

    [Fact]
    public async Task Run_SliceOver_SavesThePageAndQueuesTheRestThenResumesThere()
    {
        _fixture.Options.PageSize = 2;
        _fixture.Options.Slice = TimeSpan.Zero;
        var firsts = new List<string>();
        for (var edition = 1; edition <= 3; edition++)
        {
            firsts.Add(await _fixture.DeliverAndScanAsync(_fixture.Alice, HuntFixture.Update(edition), receivedAt: Now.AddDays(-4 + edition)));
        }
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain));

        await RunAsync();

        Assert.Equal([new HuntRequest("hunt-1")], _fixture.HuntRequests());
        Assert.Equal(firsts[..2], _fixture.Seeds().Select(s => s.MessageId));
        var saved = await _fixture.ProgressAsync();
        Assert.Equal((1, 2, 2, false), (saved.Pages, saved.Matched, saved.Copies, saved.Completed));
        Assert.NotNull(saved.Continuation);
        Assert.Empty(_fixture.Telemetry.Events(PipelineEvents.HuntCompleted));

        _fixture.Clock.Advance(TimeSpan.FromSeconds(3));
        await RunAsync();

        Assert.Empty(_fixture.HuntRequests());
        Assert.Equal([firsts[2]], _fixture.Seeds().Select(s => s.MessageId));
        Assert.Equal(new HuntProgress(null, 2, 3, 3, Now.AddSeconds(3)), await _fixture.ProgressAsync());
        Assert.Equal(("3", "3", "3"), Counts(Assert.Single(_fixture.Telemetry.Events(PipelineEvents.HuntCompleted))));
    }

    [Fact]
    public async Task Run_StoppedBetweenQueuingAndRecording_QueuesThatContentAgainAndJudgesNothingRecorded()
    {
        var updates = new List<string>();
        for (var edition = 1; edition <= 3; edition++)
        {
            updates.Add(await _fixture.DeliverAndScanAsync(_fixture.Alice, HuntFixture.Update(edition), receivedAt: Now.AddDays(-4 + edition)));
        }
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain));
        var store = new FailingAtFindingHuntStore(_fixture.Hunts, failAt: 2);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _fixture.Runner(hunts: store).RunAsync(new HuntRequest("hunt-1"), CancellationToken.None));

        Assert.Equal(updates[..2], _fixture.Seeds().Select(s => s.MessageId));
        Assert.Equal([updates[0]], (await _fixture.FindingsAsync()).Select(f => f.MessageId));
        Assert.Equal(HuntProgress.NotStarted, await _fixture.ProgressAsync());

        await _fixture.Runner(hunts: store).RunAsync(new HuntRequest("hunt-1"), CancellationToken.None);

        // The campaign stage finds the copies of the content queued twice already dealt with.
        Assert.Equal(updates[1..], _fixture.Seeds().Select(s => s.MessageId));
        Assert.Equal(3, (await _fixture.FindingsAsync()).Count);
        Assert.Equal(new HuntProgress(null, 1, 3, 3, Now), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_WithinSlice_ReadsEveryPageInOneRun()
    {
        _fixture.Options.PageSize = 1;
        _fixture.Options.Slice = TimeSpan.FromHours(1);
        for (var edition = 1; edition <= 3; edition++) await _fixture.DeliverAndScanAsync(_fixture.Alice, HuntFixture.Update(edition));
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain));

        await RunAsync();

        Assert.Empty(_fixture.HuntRequests());
        Assert.Equal(3, _fixture.Seeds().Count);
        Assert.Equal(new HuntProgress(null, 3, 3, 3, Now), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_Completed_DoesNothingMore()
    {
        await _fixture.DeliverAndScanAsync(_fixture.Alice, HuntFixture.Update(1));
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain));
        await RunAsync();
        _fixture.Seeds();
        await _fixture.DeliverAndScanAsync(_fixture.Bob, HuntFixture.Update(2));

        await RunAsync();

        Assert.Empty(_fixture.Seeds());
        Assert.Empty(_fixture.HuntRequests());
        Assert.Equal(new HuntProgress(null, 1, 1, 1, Now), await _fixture.ProgressAsync());
        Assert.Single(_fixture.Telemetry.Events(PipelineEvents.HuntCompleted));
    }

    [Fact]
    public async Task Run_CopyGoneSince_IsMatchedAndTheNextCopyStandsForTheContent()
    {
        var update = HuntFixture.Update(1);
        var alices = await _fixture.DeliverAndScanAsync(_fixture.Alice, update, receivedAt: Now.AddDays(-2));
        var bobs = await _fixture.DeliverAndScanAsync(_fixture.Bob, update, receivedAt: Now.AddDays(-1));
        await _fixture.Mailboxes.SoftDeleteAsync(_fixture.Alice, alices, CancellationToken.None);
        _fixture.Mailboxes.PurgeRecoverableItems(_fixture.Alice);
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain));

        await RunAsync();

        Assert.Equal([bobs], _fixture.Seeds().Select(s => s.MessageId));
        Assert.Equal(bobs, Assert.Single(await _fixture.FindingsAsync()).MessageId);
        Assert.Equal(new HuntProgress(null, 1, 2, 1, Now), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_SendersOwnCopy_IsHandedOverAsEvidenceAndNotCountedAsACopyToRemediate()
    {
        var update = HuntFixture.Update(1);
        var sent = await _fixture.DeliverAndScanAsync(_fixture.Alice, update, receivedAt: Now.AddDays(-2), folder: WellKnownFolders.SentItems);
        await _fixture.DeliverAndScanAsync(_fixture.Bob, update, receivedAt: Now.AddDays(-1));
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain));

        await RunAsync();

        var seed = Assert.Single(_fixture.Seeds());
        Assert.Equal((sent, true), (seed.MessageId, seed.OwnCopy));
        Assert.Equal(new HuntProgress(null, 1, 2, 1, Now), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_ScansWaiting_PausesUntilLiveMailIsDone()
    {
        _fixture.Options.PauseWhileScansQueued = 1;
        await _fixture.DeliverAndScanAsync(_fixture.Alice, HuntFixture.Update(1));
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain));
        await _fixture.Queue.EnqueueAsync(WorkQueueNames.ScanRequests, new ScanRequest(_fixture.Bob, "live-1", null, Now), CancellationToken.None);
        await _fixture.Queue.EnqueueAsync(WorkQueueNames.ScanRequests, new ScanRequest(_fixture.Bob, "live-2", null, Now), CancellationToken.None);

        var run = RunAsync();

        Assert.False(run.IsCompleted);
        Assert.Equal(HuntProgress.NotStarted, await _fixture.ProgressAsync());
        _fixture.Queue.Drain<ScanRequest>(WorkQueueNames.ScanRequests);
        _fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(new HuntProgress(null, 1, 1, 1, Now.AddSeconds(5)), await _fixture.ProgressAsync());
    }

    [Fact]
    public async Task Run_ScansWaitingUpToTheLimit_DoesNotPause()
    {
        _fixture.Options.PauseWhileScansQueued = 1;
        await _fixture.DeliverAndScanAsync(_fixture.Alice, HuntFixture.Update(1));
        await _fixture.CreateAsync(Indicator.UrlDomain(HuntFixture.LaterBadDomain));
        await _fixture.Queue.EnqueueAsync(WorkQueueNames.ScanRequests, new ScanRequest(_fixture.Bob, "live-1", null, Now), CancellationToken.None);

        await RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new HuntProgress(null, 1, 1, 1, Now), await _fixture.ProgressAsync());
    }

    // The test mail carries no Received headers: provenance notes it, too lightly to make it suspicious.
    private static string UntransportedAnd(string rule) => $"TRANSPORT_BYPASS,NO_RECEIVED_HOPS,{rule}";

    private static (string, string, string) Counts(IReadOnlyDictionary<string, string> completed) =>
        (completed["Matched"], completed["Copies"], completed["Campaigns"]);

    private static string[] ContentsOf(params string[] mimes) => [.. mimes.Select(HuntFixture.CampaignIdOf).Order(StringComparer.Ordinal)];

    private static string Sha256Of(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static string WithAttachment(int edition, string fileName, string content) =>
        $"From: Partner Updates <updates@partner.example>\r\nTo: alice@{HuntFixture.Domain}\r\nSubject: Release notes {edition}\r\n" +
        $"Message-ID: <notes-{edition}-{Guid.NewGuid():N}@partner.example>\r\nDate: Sun, 22 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
        "Hello,\r\n\r\nThe release notes for this month's version are attached.\r\n\r\nPartner Updates\r\n--b1\r\n" +
        $"Content-Type: text/plain; name=\"{fileName}\"\r\nContent-Disposition: attachment; filename=\"{fileName}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(content)) + "\r\n--b1--\r\n";

    private static IndexedMessage Indexed(string mailboxId, string messageId, string mime, VerdictBand band)
    {
        var fingerprint = HuntFixture.Engine.FingerprintOf(TestMail.Parse(mime));
        return new IndexedMessage(mailboxId, messageId, null, Now.AddDays(-1), fingerprint.CampaignId, fingerprint.CanStandForCampaign, fingerprint.Id, band,
            IsOwnCopy: false, fingerprint.UrlHosts, ["updates@partner.example"], fingerprint.AttachmentSha256);
    }

    // The hunt store, failing once at the worst moment: a campaign is queued and its finding not yet written.
    private sealed class FailingAtFindingHuntStore(IHuntStore inner, int failAt) : IHuntStore
    {
        private int _findings;

        public Task AddFindingAsync(string huntId, HuntFinding finding, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _findings) == failAt
                ? throw new InvalidOperationException("The hunt stage stopped between queuing a campaign and recording its finding.")
                : inner.AddFindingAsync(huntId, finding, cancellationToken);

        public Task<bool> TryCreateAsync(Hunt hunt, CancellationToken cancellationToken) => inner.TryCreateAsync(hunt, cancellationToken);

        public Task<Hunt?> FindAsync(string huntId, CancellationToken cancellationToken) => inner.FindAsync(huntId, cancellationToken);

        public Task<HuntProgress> ProgressAsync(string huntId, CancellationToken cancellationToken) => inner.ProgressAsync(huntId, cancellationToken);

        public Task SaveProgressAsync(string huntId, HuntProgress progress, CancellationToken cancellationToken) => inner.SaveProgressAsync(huntId, progress, cancellationToken);

        public Task<IReadOnlyList<HuntFinding>> FindingsAsync(string huntId, CancellationToken cancellationToken) => inner.FindingsAsync(huntId, cancellationToken);

        public Task<string?> LastSeenAsync(string name, CancellationToken cancellationToken) => inner.LastSeenAsync(name, cancellationToken);

        public Task SetLastSeenAsync(string name, string value, CancellationToken cancellationToken) => inner.SetLastSeenAsync(name, value, cancellationToken);
    }

    private sealed class FindingComparer : IEqualityComparer<HuntFinding>
    {
        public bool Equals(HuntFinding? x, HuntFinding? y) => x is not null && y is not null && x with { Rules = [] } == y with { Rules = [] } && x.Rules.SequenceEqual(y.Rules);

        public int GetHashCode(HuntFinding obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }

    private Task RunAsync(string huntId = "hunt-1", ScanEngine? engine = null) =>
        _fixture.Runner(engine).RunAsync(new HuntRequest(huntId), CancellationToken.None);
}
