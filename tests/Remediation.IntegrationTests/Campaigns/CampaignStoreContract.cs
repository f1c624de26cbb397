using Remediation.Core.Campaigns;
using Remediation.Core.Queues;
using Remediation.Core.Scanning;

namespace Remediation.IntegrationTests.Campaigns;

/// <summary>What every campaign store promises, whichever store keeps it: run against the in-memory twin and Table storage.</summary>
public abstract class CampaignStoreContract
{
    private static readonly DateTimeOffset NotifiedAt = new(2026, 11, 29, 10, 10, 0, TimeSpan.Zero);

    protected abstract ICampaignStore Store { get; }

    /// <summary>Who last set the campaign to this status, and when, as the store keeps it; null when nobody did.</summary>
    protected abstract Task<(string Actor, DateTimeOffset At)?> StatusSetByAsync(string campaignId, CampaignStatus status);

    [Fact]
    public async Task FindAsync_UnknownCampaign_IsNull()
    {
        Assert.Null(await Store.FindAsync(NewCampaignId(), CancellationToken.None));
    }

    [Fact]
    public async Task GetOrAddAsync_NewCampaign_StoresItAsCreated()
    {
        var campaign = NewCampaign(CampaignStatus.Held);

        var (returned, created) = await Store.GetOrAddAsync(campaign, CancellationToken.None);

        Assert.True(created);
        AssertSameCampaign(campaign, returned);
        AssertSameCampaign(campaign, await Store.FindAsync(campaign.Id, CancellationToken.None));
    }

    [Fact]
    public async Task GetOrAddAsync_CampaignWithoutRules_ReadsBackWithoutRules()
    {
        var campaign = NewCampaign() with { Rules = [] };
        await Store.GetOrAddAsync(campaign, CancellationToken.None);

        var found = await Store.FindAsync(campaign.Id, CancellationToken.None);

        Assert.Empty(found!.Rules);
    }

    [Fact]
    public async Task GetOrAddAsync_CampaignAlreadyStored_ReturnsTheStoredOneNotCreated()
    {
        var first = NewCampaign(CampaignStatus.Held);
        await Store.GetOrAddAsync(first, CancellationToken.None);

        var (returned, created) = await Store.GetOrAddAsync(first with { Score = 99, Status = CampaignStatus.Active }, CancellationToken.None);

        Assert.False(created);
        AssertSameCampaign(first, returned);
        AssertSameCampaign(first, await Store.FindAsync(first.Id, CancellationToken.None));
    }

    [Fact]
    public async Task GetOrAddAsync_RacingAdds_OneWinsAndEveryoneGetsIt()
    {
        var id = NewCampaignId();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.GetOrAddAsync(NewCampaign(id: id) with { Score = 20 + i }, CancellationToken.None))));

        var winner = Assert.Single(results, result => result.Created).Campaign;
        Assert.All(results, result => Assert.Equal(winner.Score, result.Campaign.Score));
        Assert.Equal(winner.Score, (await Store.FindAsync(id, CancellationToken.None))!.Score);
    }

    [Fact]
    public async Task TryHoldAsync_ActiveCampaign_HoldsIt()
    {
        var campaign = await AddAsync(CampaignStatus.Active);

        var held = await Store.TryHoldAsync(campaign.Id, CancellationToken.None);

        Assert.True(held);
        AssertSameCampaign(campaign with { Status = CampaignStatus.Held }, await Store.FindAsync(campaign.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData(CampaignStatus.Held)]
    [InlineData(CampaignStatus.Approved)]
    [InlineData(CampaignStatus.Released)]
    public async Task TryHoldAsync_CampaignNoLongerActive_LeavesItAsItIs(CampaignStatus status)
    {
        var campaign = await AddAsync(status);

        var held = await Store.TryHoldAsync(campaign.Id, CancellationToken.None);

        Assert.False(held);
        Assert.Equal(status, (await Store.FindAsync(campaign.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task TryHoldAsync_SocApprovedMeanwhile_TheirWordStands()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        await Store.SetStatusAsync(campaign.Id, CampaignStatus.Approved, "soc@contoso.example", CancellationToken.None);

        var held = await Store.TryHoldAsync(campaign.Id, CancellationToken.None);

        Assert.False(held);
        Assert.Equal(CampaignStatus.Approved, (await Store.FindAsync(campaign.Id, CancellationToken.None))!.Status);
    }

    // The campaign's row also keeps its reach, which other resolutions grow at the same moment: only a person's word
    // stops a hold.
    [Fact]
    public async Task TryHoldAsync_WhileTheReachGrows_StillHoldsAndLosesNoReach()
    {
        var campaign = await AddAsync(CampaignStatus.Active);

        var growing = Enumerable.Range(0, 20).Select(i => Store.ExtendReachAsync(campaign.Id, Mailboxes(i, 1), 1_000, CancellationToken.None)).ToList();
        var held = await Store.TryHoldAsync(campaign.Id, CancellationToken.None);
        await Task.WhenAll(growing);

        Assert.True(held);
        Assert.Equal(CampaignStatus.Held, (await Store.FindAsync(campaign.Id, CancellationToken.None))!.Status);
        Assert.Equal(21, await Store.ExtendReachAsync(campaign.Id, Mailboxes(20, 1), 1_000, CancellationToken.None));
    }

    [Fact]
    public async Task TryHoldAsync_UnknownCampaign_IsFalseAndCreatesNothing()
    {
        var id = NewCampaignId();

        var held = await Store.TryHoldAsync(id, CancellationToken.None);

        Assert.False(held);
        Assert.Null(await Store.FindAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task TryPromoteAsync_ActiveCampaign_TakesTheSeedItsCategoryScoreAndRules()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        var seed = new MaliciousMessage(campaign.Id, "user0002", "AAMk/later==", "<m2@sender.example>", ThreatCategory.Malware, 21, ["ARCHIVE_EXECUTABLE"],
            NotifiedAt.AddHours(1), Fingerprint: "f00d");

        var promoted = await Store.TryPromoteAsync(campaign.Id, seed, CancellationToken.None);

        Assert.True(promoted);
        AssertSameCampaign(campaign with { Category = ThreatCategory.Malware, Score = 21, Rules = ["ARCHIVE_EXECUTABLE"], Seed = seed },
            await Store.FindAsync(campaign.Id, CancellationToken.None));
    }

    // The campaign's row also keeps its reach, which other resolutions grow at the same moment.
    [Fact]
    public async Task TryPromoteAsync_WhileTheReachGrows_StillPromotesAndLosesNoReach()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        var seed = campaign.Seed with { Score = 21, MessageId = "AAMk/later==" };

        var growing = Enumerable.Range(0, 20).Select(i => Store.ExtendReachAsync(campaign.Id, Mailboxes(i, 1), 1_000, CancellationToken.None)).ToList();
        var promoted = await Store.TryPromoteAsync(campaign.Id, seed, CancellationToken.None);
        await Task.WhenAll(growing);

        Assert.True(promoted);
        Assert.Equal("AAMk/later==", (await Store.FindAsync(campaign.Id, CancellationToken.None))!.Seed.MessageId);
        Assert.Equal(21, await Store.ExtendReachAsync(campaign.Id, Mailboxes(20, 1), 1_000, CancellationToken.None));
    }

    [Theory]
    [InlineData(CampaignStatus.Held)]
    [InlineData(CampaignStatus.Approved)]
    [InlineData(CampaignStatus.Released)]
    public async Task TryPromoteAsync_CampaignNoLongerActive_LeavesItAsItIs(CampaignStatus status)
    {
        var campaign = await AddAsync(status);

        var promoted = await Store.TryPromoteAsync(campaign.Id, campaign.Seed with { Score = 30 }, CancellationToken.None);

        Assert.False(promoted);
        AssertSameCampaign(campaign, await Store.FindAsync(campaign.Id, CancellationToken.None));
    }

    // The campaign's seed scored 14.5: held for that score under a floor of 15, and for its reach under one of 14.
    [Theory]
    [InlineData(CampaignStatus.Held, 15, true)]
    [InlineData(CampaignStatus.Held, 14, false)]
    [InlineData(CampaignStatus.Active, 15, false)]
    [InlineData(CampaignStatus.Approved, 15, false)]
    [InlineData(CampaignStatus.Released, 15, false)]
    public async Task TryActivateAsync_OnlyACampaignHeldForItsScore_ActsWithTheSeed(CampaignStatus status, double floor, bool activated)
    {
        var campaign = await AddAsync(status);
        var seed = campaign.Seed with { MessageId = "AAMk/strong==", Score = 22, Rules = ["PHISH_LURE", "URL_MISMATCH", "BRAND"] };

        var result = await Store.TryActivateAsync(campaign.Id, seed, floor, CancellationToken.None);

        Assert.Equal(activated, result);
        AssertSameCampaign(activated ? campaign with { Status = CampaignStatus.Active, Score = 22, Rules = seed.Rules, Seed = seed } : campaign,
            await Store.FindAsync(campaign.Id, CancellationToken.None));
    }

    [Fact]
    public async Task TryActivateAsync_UnknownCampaign_IsFalseAndCreatesNothing()
    {
        var id = NewCampaignId();

        Assert.False(await Store.TryActivateAsync(id, NewCampaign(id: id).Seed, 15, CancellationToken.None));
        Assert.Null(await Store.FindAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task TryPromoteAsync_UnknownCampaign_IsFalseAndCreatesNothing()
    {
        var id = NewCampaignId();

        var promoted = await Store.TryPromoteAsync(id, NewCampaign(id: id).Seed, CancellationToken.None);

        Assert.False(promoted);
        Assert.Null(await Store.FindAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task SetStatusAsync_Approved_ChangesOnlyTheStatus()
    {
        var campaign = await AddAsync(CampaignStatus.Held);

        await Store.SetStatusAsync(campaign.Id, CampaignStatus.Approved, "soc@contoso.example", CancellationToken.None);

        AssertSameCampaign(campaign with { Status = CampaignStatus.Approved }, await Store.FindAsync(campaign.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SetStatusAsync_ApprovedThenReleased_KeepsWhoAndWhenForEach()
    {
        var campaign = await AddAsync(CampaignStatus.Held);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await Store.SetStatusAsync(campaign.Id, CampaignStatus.Approved, "alice@contoso.example", CancellationToken.None);
        await Store.SetStatusAsync(campaign.Id, CampaignStatus.Released, "bob@contoso.example", CancellationToken.None);

        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        var approved = Assert.NotNull(await StatusSetByAsync(campaign.Id, CampaignStatus.Approved));
        var released = Assert.NotNull(await StatusSetByAsync(campaign.Id, CampaignStatus.Released));
        Assert.Equal("alice@contoso.example", approved.Actor);
        Assert.Equal("bob@contoso.example", released.Actor);
        Assert.InRange(approved.At, before, after);
        Assert.InRange(released.At, approved.At, after);
        Assert.Null(await StatusSetByAsync(campaign.Id, CampaignStatus.Held));
        Assert.Equal(CampaignStatus.Released, (await Store.FindAsync(campaign.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SetStatusAsync_SameStatusAgain_KeepsTheLatestActor()
    {
        var campaign = await AddAsync(CampaignStatus.Held);
        await Store.SetStatusAsync(campaign.Id, CampaignStatus.Approved, "alice@contoso.example", CancellationToken.None);

        await Store.SetStatusAsync(campaign.Id, CampaignStatus.Approved, "carol@contoso.example", CancellationToken.None);

        Assert.Equal("carol@contoso.example", (await StatusSetByAsync(campaign.Id, CampaignStatus.Approved))!.Value.Actor);
    }

    [Fact]
    public async Task DispatchedAsync_CampaignWithNoMarks_IsEmpty()
    {
        var campaign = await AddAsync(CampaignStatus.Active);

        Assert.Empty(await Store.DispatchedAsync(campaign.Id, [DispatchedWork.Sweep, DispatchedWork.Copy("user0001", "m1")], CancellationToken.None));
    }

    [Fact]
    public async Task DispatchedAsync_ReturnsTheMarkedWorkAskedAfterAndNothingElse()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        // Ids with characters keys must escape, a scope that starts like another, and more than one write (100) holds.
        List<DispatchedWork> marked =
        [
            DispatchedWork.Sweep,
            DispatchedWork.RecipientSearch("<a/b#c?d%e|f@sender.example>"),
            DispatchedWork.Copy("user|odd", "AAMk/abc+def=="),
            .. Enumerable.Range(0, 150).Select(i => DispatchedWork.Copy("user0001", $"copy-{i}")),
        ];
        List<DispatchedWork> others = [DispatchedWork.Copy("user", "m1"), DispatchedWork.Copy("user0002", "m1"), DispatchedWork.Copy("USER0001", "m1")];
        await Store.MarkDispatchedAsync(campaign.Id, [.. marked, .. others], CancellationToken.None);
        await Store.MarkDispatchedAsync($"{campaign.Id}-other", [DispatchedWork.Copy("user0001", "other")], CancellationToken.None);
        List<DispatchedWork> notMarked =
        [
            DispatchedWork.Copy("user0001", "other"), DispatchedWork.Copy("user0001", "m1"), DispatchedWork.Copy("user|odd", "AAMk/abc+DEF=="),
            DispatchedWork.Search("user0001", "<a/b#c?d%e|f@sender.example>"), DispatchedWork.Copy("user0003", "m1"),
        ];

        var dispatched = await Store.DispatchedAsync(campaign.Id, [.. marked, .. notMarked], CancellationToken.None);

        Assert.Equal(marked.ToHashSet(), dispatched.ToHashSet());
    }

    [Fact]
    public async Task DispatchedAsync_MoreThanAPageOfWorkAskedAfter_ReturnsEveryMarkedPiece()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        var marks = Enumerable.Range(0, 1_200).Select(i => DispatchedWork.Search($"user{i:D4}", "<m1@sender.example>")).ToList();
        await Store.MarkDispatchedAsync(campaign.Id, [.. marks, DispatchedWork.Sweep, DispatchedWork.Copy("user0001", "m1")], CancellationToken.None);

        var dispatched = await Store.DispatchedAsync(campaign.Id, [.. Enumerable.Range(0, 1_300).Select(i => DispatchedWork.Search($"user{i:D4}", "<m1@sender.example>"))], CancellationToken.None);

        Assert.Equal(marks.ToHashSet(), dispatched.ToHashSet());
    }

    [Fact]
    public async Task ReachedAsync_MailboxesClaimedInAnyCase_AndNoOthers()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        var other = await AddAsync(CampaignStatus.Active);
        await Store.ExtendReachAsync(campaign.Id, ["User0001", "user0002", "a/b#c|d"], 10, CancellationToken.None);
        await Store.ExtendReachAsync(other.Id, ["user0003"], 10, CancellationToken.None);
        // Dispatched work alone reaches nothing: the resolution claimed its mailboxes before.
        await Store.MarkDispatchedAsync(campaign.Id, [DispatchedWork.Sweep, DispatchedWork.Copy("user0004", "m1")], CancellationToken.None);

        var reached = await Store.ReachedAsync(campaign.Id, ["user0001", "USER0002", "a/b#c|d", "a/b#c", "user0003", "user0004", DispatchedWork.TenantWide], CancellationToken.None);

        Assert.Equal(["USER0002", "a/b#c|d", "user0001"], reached.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReachedAsync_MoreThanAPageOfMailboxes_ReturnsEveryOneReached()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        await Store.ExtendReachAsync(campaign.Id, Mailboxes(0, 1_200), 2_000, CancellationToken.None);

        var reached = await Store.ReachedAsync(campaign.Id, [.. Enumerable.Range(0, 1_300).Select(i => $"USER{i:D4}")], CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 1_200).Select(i => $"USER{i:D4}"), reached.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MarkDispatchedAsync_SenderChosenMessageIdsPastTheKeyLimit_AreStoredAndFound()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        // Longer than the 1 KiB key limit once escaped, with characters keys refuse, a control character and non-ASCII.
        var chosen = "<" + string.Concat(Enumerable.Repeat("#?/\\%\u0001é|", 120)) + "@sender.example>";
        List<DispatchedWork> marks = [DispatchedWork.RecipientSearch(chosen), DispatchedWork.Search("user0001", chosen), DispatchedWork.Copy("a/b#c", chosen)];

        await Store.MarkDispatchedAsync(campaign.Id, marks, CancellationToken.None);

        Assert.Equal(marks.ToHashSet(), (await Store.DispatchedAsync(campaign.Id, marks, CancellationToken.None)).ToHashSet());
    }

    [Fact]
    public async Task MarkDispatchedAsync_SameWorkAgain_KeepsOneMark()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        await Store.MarkDispatchedAsync(campaign.Id, [DispatchedWork.Sweep, DispatchedWork.Copy("user0001", "m1")], CancellationToken.None);

        await Store.MarkDispatchedAsync(campaign.Id, [DispatchedWork.Copy("user0001", "m1"), DispatchedWork.Copy("user0001", "m1")], CancellationToken.None);

        Assert.Equal([DispatchedWork.Sweep, DispatchedWork.Copy("user0001", "m1")], (await Store.DispatchedAsync(campaign.Id, [DispatchedWork.Sweep, DispatchedWork.Copy("user0001", "m1")], CancellationToken.None)).ToHashSet());
    }

    [Fact]
    public async Task MarkDispatchedAsync_SameItemInAnotherScope_IsAnotherMark()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        List<DispatchedWork> marks =
        [
            DispatchedWork.RecipientSearch("<m1@sender.example>"),
            DispatchedWork.Search("user0001", "<m1@sender.example>"),
            DispatchedWork.Search("USER0001", "<m1@sender.example>"),
            DispatchedWork.Copy("user0001", "imid:<m1@sender.example>x"),
        ];

        await Store.MarkDispatchedAsync(campaign.Id, marks, CancellationToken.None);

        Assert.Equal(marks.ToHashSet(), (await Store.DispatchedAsync(campaign.Id, marks, CancellationToken.None)).ToHashSet());
    }

    [Fact]
    public async Task DispatchedAsync_MarksWrittenAfterTheRead_AreNotInIt()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        await Store.MarkDispatchedAsync(campaign.Id, [DispatchedWork.Sweep], CancellationToken.None);
        var read = await Store.DispatchedAsync(campaign.Id, [DispatchedWork.Sweep, DispatchedWork.Copy("user0001", "m1")], CancellationToken.None);

        await Store.MarkDispatchedAsync(campaign.Id, [DispatchedWork.Copy("user0001", "m1")], CancellationToken.None);

        Assert.Equal([DispatchedWork.Sweep], read.ToHashSet());
    }

    [Fact]
    public async Task ExtendReachAsync_WithinTheCap_RecordsTheSum()
    {
        var campaign = await AddAsync(CampaignStatus.Active);

        Assert.Equal(4, await Store.ExtendReachAsync(campaign.Id, Mailboxes(0, 4), 10, CancellationToken.None));
        Assert.Equal(10, await Store.ExtendReachAsync(campaign.Id, Mailboxes(4, 6), 10, CancellationToken.None));
        Assert.Equal(11, await Store.ExtendReachAsync(campaign.Id, Mailboxes(10, 1), 10, CancellationToken.None));
    }

    // More mailboxes than one Table transaction holds.
    [Fact]
    public async Task ExtendReachAsync_HundredsOfMailboxes_CountsAndClaimsEach()
    {
        var campaign = await AddAsync(CampaignStatus.Active);

        Assert.Equal(250, await Store.ExtendReachAsync(campaign.Id, Mailboxes(0, 250), 1_000, CancellationToken.None));

        Assert.Equal(250, (await Store.ReachedAsync(campaign.Id, Mailboxes(0, 300), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ExtendReachAsync_MailboxesClaimedBeforeInAnyCase_AreNotCountedAgain()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        await Store.ExtendReachAsync(campaign.Id, ["user0001", "user0002"], 10, CancellationToken.None);

        Assert.Equal(3, await Store.ExtendReachAsync(campaign.Id, ["USER0002", "user0003", "user0003"], 10, CancellationToken.None));
        var reached = await Store.ReachedAsync(campaign.Id, ["user0001", "USER0002", "user0003", "user0004"], CancellationToken.None);
        Assert.Equal(["USER0002", "user0001", "user0003"], reached.Order(StringComparer.Ordinal));
    }

    // Two instances resolve copies of one campaign at the same moment, each having read that none of these mailboxes
    // was reached: each mailbox counts once, so the cap never holds a campaign for mailboxes it counted twice.
    [Fact]
    public async Task ExtendReachAsync_RacingClaimsOfTheSameMailboxes_CountEachOnce()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        var shared = Mailboxes(0, 130);

        var reaches = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => Store.ExtendReachAsync(campaign.Id, [.. shared, .. Mailboxes(1_000 + i, 1)], 1_000, CancellationToken.None))));

        Assert.Equal(136, reaches.Max());
        Assert.Equal(137, await Store.ExtendReachAsync(campaign.Id, Mailboxes(2_000, 1), 1_000, CancellationToken.None));
    }

    // The cap is reached only by mailboxes no resolution has claimed yet, whatever the caller read a moment before.
    [Fact]
    public async Task ExtendReachAsync_SomeClaimedSinceTheCallerRead_CountsOnlyTheOthersAgainstTheCap()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        await Store.ExtendReachAsync(campaign.Id, Mailboxes(0, 8), 10, CancellationToken.None);

        Assert.Equal(10, await Store.ExtendReachAsync(campaign.Id, Mailboxes(6, 4), 10, CancellationToken.None));
        Assert.Equal(11, await Store.ExtendReachAsync(campaign.Id, Mailboxes(10, 1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task ExtendReachAsync_BeyondTheCap_ReturnsTheSumWithoutRecordingIt()
    {
        var campaign = await AddAsync(CampaignStatus.Active);
        await Store.ExtendReachAsync(campaign.Id, Mailboxes(0, 8), 10, CancellationToken.None);

        Assert.Equal(13, await Store.ExtendReachAsync(campaign.Id, Mailboxes(8, 5), 10, CancellationToken.None));
        Assert.Empty(await Store.ReachedAsync(campaign.Id, Mailboxes(8, 5), CancellationToken.None));
        Assert.Equal(10, await Store.ExtendReachAsync(campaign.Id, Mailboxes(8, 2), 10, CancellationToken.None));
    }

    [Fact]
    public async Task ExtendReachAsync_RacingExtensions_EachIsCounted()
    {
        var campaign = await AddAsync(CampaignStatus.Active);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => Store.ExtendReachAsync(campaign.Id, Mailboxes(i, 1), 1_000, CancellationToken.None))));

        Assert.Equal(13, await Store.ExtendReachAsync(campaign.Id, Mailboxes(12, 1), 1_000, CancellationToken.None));
    }

    [Fact]
    public async Task ExtendReachAsync_KeepsTheCampaignAsStored()
    {
        var campaign = await AddAsync(CampaignStatus.Active);

        await Store.ExtendReachAsync(campaign.Id, Mailboxes(0, 3), 10, CancellationToken.None);

        AssertSameCampaign(campaign, await Store.FindAsync(campaign.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ForgetDispatchedAsync_ForgetsEveryMarkOfThatCampaignOnly()
    {
        var campaign = await AddAsync(CampaignStatus.Held);
        var other = await AddAsync(CampaignStatus.Active);
        await Store.ExtendReachAsync(campaign.Id, Mailboxes(0, 250), 1_000, CancellationToken.None);
        await Store.MarkDispatchedAsync(campaign.Id, [DispatchedWork.Sweep, .. Enumerable.Range(0, 250).Select(i => DispatchedWork.Copy($"user{i:D4}", "m1"))], CancellationToken.None);
        await Store.MarkDispatchedAsync(other.Id, [DispatchedWork.Sweep], CancellationToken.None);

        await Store.ForgetDispatchedAsync(campaign.Id, CancellationToken.None);

        Assert.Empty(await Store.DispatchedAsync(campaign.Id, [DispatchedWork.Sweep, .. Enumerable.Range(0, 250).Select(i => DispatchedWork.Copy($"user{i:D4}", "m1"))], CancellationToken.None));
        Assert.Equal([DispatchedWork.Sweep], (await Store.DispatchedAsync(other.Id, [DispatchedWork.Sweep], CancellationToken.None)).ToHashSet());
        // Approval sends the work again; the mailboxes it reached stay reached.
        Assert.Equal(250, (await Store.ReachedAsync(campaign.Id, [.. Enumerable.Range(0, 250).Select(i => $"user{i:D4}")], CancellationToken.None)).Count);
        AssertSameCampaign(campaign, await Store.FindAsync(campaign.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ForgetDispatchedAsync_ThenMarkedAgain_KeepsTheNewMarks()
    {
        var campaign = await AddAsync(CampaignStatus.Approved);
        await Store.MarkDispatchedAsync(campaign.Id, [DispatchedWork.Sweep], CancellationToken.None);
        await Store.ForgetDispatchedAsync(campaign.Id, CancellationToken.None);

        await Store.MarkDispatchedAsync(campaign.Id, [DispatchedWork.Copy("user0001", "m1")], CancellationToken.None);

        Assert.Equal([DispatchedWork.Copy("user0001", "m1")], (await Store.DispatchedAsync(campaign.Id, [DispatchedWork.Sweep, DispatchedWork.Copy("user0001", "m1")], CancellationToken.None)).ToHashSet());
    }

    private static string NewCampaignId() => Guid.NewGuid().ToString("N");

    private static string[] Mailboxes(int first, int count) => [.. Enumerable.Range(first, count).Select(i => $"user{i:D4}")];

    private static Campaign NewCampaign(CampaignStatus status = CampaignStatus.Active, string? id = null)
    {
        var campaignId = id ?? NewCampaignId();
        return new Campaign(campaignId, ThreatCategory.Phishing, 14.5, ["PHISH_LURE", "URL_MISMATCH"], NotifiedAt, status,
            new MaliciousMessage(campaignId, "user0000", "AAMk/seed==", "<m1@sender.example>", ThreatCategory.Phishing, 14.5, ["PHISH_LURE", "URL_MISMATCH"],
                NotifiedAt, Fingerprint: "f00d", OwnCopy: true));
    }

    private async Task<Campaign> AddAsync(CampaignStatus status)
    {
        var campaign = NewCampaign(status);
        await Store.GetOrAddAsync(campaign, CancellationToken.None);
        return campaign;
    }

    private static void AssertSameCampaign(Campaign expected, Campaign? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            (expected.Id, expected.Category, expected.Score, expected.FirstNotifiedAt, expected.Status),
            (actual.Id, actual.Category, actual.Score, actual.FirstNotifiedAt, actual.Status));
        Assert.Equal(expected.Rules, actual.Rules);
        Assert.Equal(WorkItemJson.Serialize(expected.Seed), WorkItemJson.Serialize(actual.Seed));
    }
}
