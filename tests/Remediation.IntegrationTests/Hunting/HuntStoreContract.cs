using Remediation.Core.Hunting;

namespace Remediation.IntegrationTests.Hunting;

/// <summary>What every hunt store promises, whichever store keeps the hunts: run against the in-memory twin and Table storage.</summary>
public abstract class HuntStoreContract
{
    private static readonly DateTimeOffset TenPast10 = new(2026, 11, 29, 10, 10, 0, TimeSpan.Zero);

    protected abstract IHuntStore Hunts { get; }

    [Fact]
    public async Task Create_ThenFind_ReturnsEveryField()
    {
        var hunt = NewHunt() with { ReportOnly = true, Trigger = HuntTrigger.Settings, RequestedBy = "trigger" };

        Assert.True(await Hunts.TryCreateAsync(hunt, CancellationToken.None));

        Assert.Equal(hunt, await Hunts.FindAsync(hunt.Id, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Indicators))]
    public async Task Create_EachKindOfIndicator_RoundTrips(string kind, string value)
    {
        var hunt = NewHunt() with { Indicator = new Indicator(Enum.Parse<IndicatorKind>(kind), value) };
        await Hunts.TryCreateAsync(hunt, CancellationToken.None);

        var found = await Hunts.FindAsync(hunt.Id, CancellationToken.None);

        Assert.Equal(hunt.Indicator, found?.Indicator);
    }

    public static TheoryData<string, string> Indicators() => new()
    {
        { nameof(IndicatorKind.UrlDomain), "later-bad.example" },
        { nameof(IndicatorKind.Sender), "billing@partner.example" },
        { nameof(IndicatorKind.AttachmentSha256), new string('a', 64) },
        { nameof(IndicatorKind.Fingerprint), "0123456789abcdef" },
        { nameof(IndicatorKind.AnyMessage), "*" },
    };

    [Fact]
    public async Task Create_TimesWithAnOffset_ComeBackAsTheSameInstantInUtc()
    {
        var hunt = NewHunt() with { Since = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.FromHours(2)), RequestedAt = new DateTimeOffset(2026, 11, 29, 5, 10, 0, TimeSpan.FromHours(-5)) };
        await Hunts.TryCreateAsync(hunt, CancellationToken.None);

        var found = await Hunts.FindAsync(hunt.Id, CancellationToken.None);

        Assert.Equal((new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), TimeSpan.Zero), (found?.Since, found?.Since.Offset));
        Assert.Equal((TenPast10, TimeSpan.Zero), (found?.RequestedAt, found?.RequestedAt.Offset));
    }

    [Fact]
    public async Task Create_SameIdTwice_KeepsTheFirstAndSaysSo()
    {
        var first = NewHunt();
        await Hunts.TryCreateAsync(first, CancellationToken.None);

        var created = await Hunts.TryCreateAsync(first with { Indicator = Indicator.Sender("other.example"), RequestedBy = "bob@contoso.example" }, CancellationToken.None);

        Assert.False(created);
        Assert.Equal(first, await Hunts.FindAsync(first.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Create_RacingStartersOfOneId_OnlyOneCreates()
    {
        var hunt = NewHunt();

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Hunts.TryCreateAsync(hunt with { RequestedBy = $"starter{i}" }, CancellationToken.None))));

        Assert.Single(created, c => c);
    }

    [Fact]
    public async Task Create_DoesNotTouchProgressOrFindings()
    {
        var hunt = NewHunt();

        await Hunts.TryCreateAsync(hunt, CancellationToken.None);

        Assert.Equal(HuntProgress.NotStarted, await Hunts.ProgressAsync(hunt.Id, CancellationToken.None));
        Assert.Empty(await Hunts.FindingsAsync(hunt.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Find_UnknownId_ReturnsNull()
    {
        Assert.Null(await Hunts.FindAsync(NewId(), CancellationToken.None));
    }

    [Fact]
    public async Task Find_IdOfOtherCase_FindsNothing()
    {
        var hunt = NewHunt() with { Id = "Hunt-" + NewId() };
        await Hunts.TryCreateAsync(hunt, CancellationToken.None);

        Assert.Null(await Hunts.FindAsync(hunt.Id.ToUpperInvariant(), CancellationToken.None));
        Assert.Equal(HuntProgress.NotStarted, await Hunts.ProgressAsync(hunt.Id.ToLowerInvariant(), CancellationToken.None));
    }

    [Fact]
    public async Task Progress_UnknownId_IsNotStarted()
    {
        Assert.Equal(HuntProgress.NotStarted, await Hunts.ProgressAsync(NewId(), CancellationToken.None));
    }

    [Fact]
    public async Task SaveProgress_ThenProgress_ReturnsEveryField()
    {
        var hunt = await CreatedAsync();
        var progress = new HuntProgress("0638998344000000000|mailbox|message", 3, 2500, 41, null);

        await Hunts.SaveProgressAsync(hunt.Id, progress, CancellationToken.None);

        Assert.Equal(progress, await Hunts.ProgressAsync(hunt.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SaveProgress_Again_KeepsTheLatestAndLeavesTheHunt()
    {
        var hunt = await CreatedAsync();
        await Hunts.SaveProgressAsync(hunt.Id, new HuntProgress("page-2", 1, 10, 1, null), CancellationToken.None);

        await Hunts.SaveProgressAsync(hunt.Id, new HuntProgress("page-3", 2, 17, 4, null), CancellationToken.None);

        Assert.Equal(new HuntProgress("page-3", 2, 17, 4, null), await Hunts.ProgressAsync(hunt.Id, CancellationToken.None));
        Assert.Equal(hunt, await Hunts.FindAsync(hunt.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SaveProgress_Completed_ClearsTheContinuationAndKeepsTheTimeInUtc()
    {
        var hunt = await CreatedAsync();
        await Hunts.SaveProgressAsync(hunt.Id, new HuntProgress("page-2", 1, 10, 1, null), CancellationToken.None);

        await Hunts.SaveProgressAsync(hunt.Id, new HuntProgress(null, 2, 12, 3, TenPast10.ToOffset(TimeSpan.FromHours(1))), CancellationToken.None);

        var progress = await Hunts.ProgressAsync(hunt.Id, CancellationToken.None);
        Assert.Equal(new HuntProgress(null, 2, 12, 3, TenPast10), progress);
        Assert.Equal(TimeSpan.Zero, progress.CompletedAt?.Offset);
        Assert.True(progress.Completed);
    }

    [Fact]
    public async Task SaveProgress_EmptyContinuation_ReadsAsNone()
    {
        var hunt = await CreatedAsync();
        await Hunts.SaveProgressAsync(hunt.Id, new HuntProgress("page-2", 1, 10, 1, null), CancellationToken.None);

        await Hunts.SaveProgressAsync(hunt.Id, new HuntProgress("", 2, 11, 1, null), CancellationToken.None);

        Assert.Equal(new HuntProgress(null, 2, 11, 1, null), await Hunts.ProgressAsync(hunt.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SaveProgress_AfterCompletion_StaysCompleted()
    {
        var hunt = await CreatedAsync();
        await Hunts.SaveProgressAsync(hunt.Id, new HuntProgress(null, 2, 12, 3, TenPast10), CancellationToken.None);

        await Hunts.SaveProgressAsync(hunt.Id, new HuntProgress("page-3", 3, 14, 4, null), CancellationToken.None);

        Assert.Equal(new HuntProgress("page-3", 3, 14, 4, TenPast10), await Hunts.ProgressAsync(hunt.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SaveProgress_UnknownHunt_FailsAndCreatesNothing()
    {
        var huntId = NewId();

        await Assert.ThrowsAnyAsync<Exception>(() => Hunts.SaveProgressAsync(huntId, new HuntProgress("page-2", 1, 10, 1, null), CancellationToken.None));

        Assert.Null(await Hunts.FindAsync(huntId, CancellationToken.None));
        Assert.Equal(HuntProgress.NotStarted, await Hunts.ProgressAsync(huntId, CancellationToken.None));
    }

    [Fact]
    public async Task AddFinding_ThenFindings_ReturnsEveryField()
    {
        var hunt = await CreatedAsync();
        var finding = Finding("content|campaign-1") with { Score = 21.5 };

        await Hunts.AddFindingAsync(hunt.Id, finding, CancellationToken.None);

        var found = Assert.Single(await Hunts.FindingsAsync(hunt.Id, CancellationToken.None));
        Assert.Equal(finding with { Rules = found.Rules }, found);
        Assert.Equal(["HUNTED_CONTENT", "URL_BLOCKED"], found.Rules);
    }

    [Fact]
    public async Task AddFinding_NoRules_ComeBackAsNone()
    {
        var hunt = await CreatedAsync();

        await Hunts.AddFindingAsync(hunt.Id, Finding("copy|mailbox|message") with { Malicious = false, Rules = [] }, CancellationToken.None);

        var found = Assert.Single(await Hunts.FindingsAsync(hunt.Id, CancellationToken.None));
        Assert.Empty(found.Rules);
        Assert.False(found.Malicious);
    }

    [Fact]
    public async Task AddFinding_SameKeyTwice_KeepsTheLatest()
    {
        var hunt = await CreatedAsync();
        await Hunts.AddFindingAsync(hunt.Id, Finding("content|campaign-1"), CancellationToken.None);

        await Hunts.AddFindingAsync(hunt.Id, Finding("content|campaign-1") with { Malicious = false, CampaignId = "campaign-2", MessageId = "later" }, CancellationToken.None);

        var found = Assert.Single(await Hunts.FindingsAsync(hunt.Id, CancellationToken.None));
        Assert.Equal((false, "campaign-2", "later"), (found.Malicious, found.CampaignId, found.MessageId));
    }

    [Fact]
    public async Task AddFinding_KeysOfOtherCase_AreTwoFindings()
    {
        var hunt = await CreatedAsync();

        await Hunts.AddFindingAsync(hunt.Id, Finding("copy|mailbox|AAkAL"), CancellationToken.None);
        await Hunts.AddFindingAsync(hunt.Id, Finding("copy|mailbox|aakal"), CancellationToken.None);

        Assert.Equal(["copy|mailbox|AAkAL", "copy|mailbox|aakal"], (await Hunts.FindingsAsync(hunt.Id, CancellationToken.None)).Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Findings_ComeInOneOrderWhateverTheOrderAdded()
    {
        var first = await CreatedAsync();
        var second = await CreatedAsync();
        string[] keys = [.. Enumerable.Range(1, 12).Select(i => $"content|campaign-{i}")];

        foreach (var key in keys) await Hunts.AddFindingAsync(first.Id, Finding(key), CancellationToken.None);
        foreach (var key in keys.Reverse()) await Hunts.AddFindingAsync(second.Id, Finding(key), CancellationToken.None);

        var inFirst = (await Hunts.FindingsAsync(first.Id, CancellationToken.None)).Select(f => f.Key).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), inFirst.Order(StringComparer.Ordinal));
        Assert.Equal(inFirst, (await Hunts.FindingsAsync(second.Id, CancellationToken.None)).Select(f => f.Key));
    }

    [Fact]
    public async Task Findings_OfOneHunt_LeaveOtherHuntsOut()
    {
        var hunt = await CreatedAsync();
        var other = await CreatedAsync();
        await Hunts.AddFindingAsync(hunt.Id, Finding("content|mine"), CancellationToken.None);
        await Hunts.AddFindingAsync(other.Id, Finding("content|theirs"), CancellationToken.None);

        Assert.Equal(["content|mine"], (await Hunts.FindingsAsync(hunt.Id, CancellationToken.None)).Select(f => f.Key));
    }

    [Fact]
    public async Task Findings_UnknownHunt_AreNone()
    {
        Assert.Empty(await Hunts.FindingsAsync(NewId(), CancellationToken.None));
    }

    [Fact]
    public async Task Findings_DoNotChangeTheProgress()
    {
        var hunt = await CreatedAsync();
        await Hunts.SaveProgressAsync(hunt.Id, new HuntProgress("page-2", 1, 10, 1, null), CancellationToken.None);

        await Hunts.AddFindingAsync(hunt.Id, Finding("content|campaign-1"), CancellationToken.None);

        Assert.Equal(new HuntProgress("page-2", 1, 10, 1, null), await Hunts.ProgressAsync(hunt.Id, CancellationToken.None));
    }

    [Fact]
    public async Task IdsAndKeysWithCharactersKeysRefuse_RoundTrip()
    {
        var hunt = await CreatedAsync(NewHunt() with { Id = "hunt/#?\\%" + NewId() });
        var finding = Finding("copy|mailbox\\1|AAkAL/x+y==%#?") with { MailboxId = "mailbox\\1", MessageId = "AAkAL/x+y==%#?" };
        await Hunts.AddFindingAsync(hunt.Id, finding, CancellationToken.None);
        await Hunts.SaveProgressAsync(hunt.Id, new HuntProgress("next/#?", 1, 1, 1, null), CancellationToken.None);

        Assert.Equal(hunt, await Hunts.FindAsync(hunt.Id, CancellationToken.None));
        Assert.Equal(finding, Assert.Single(await Hunts.FindingsAsync(hunt.Id, CancellationToken.None)) with { Rules = finding.Rules });
        Assert.Equal("next/#?", (await Hunts.ProgressAsync(hunt.Id, CancellationToken.None)).Continuation);
        Assert.Null(await Hunts.FindAsync("hunt%2F%23%3F%5C%25" + hunt.Id[9..], CancellationToken.None));
    }

    [Fact]
    public async Task LastSeen_NeverSet_IsNull()
    {
        Assert.Null(await Hunts.LastSeenAsync(NewId(), CancellationToken.None));
    }

    [Fact]
    public async Task LastSeen_SetTwice_ReturnsTheLatest()
    {
        var name = NewId();
        await Hunts.SetLastSeenAsync(name, "UrlDomain a.example\nUrlDomain b.example", CancellationToken.None);

        await Hunts.SetLastSeenAsync(name, "UrlDomain c.example", CancellationToken.None);

        Assert.Equal("UrlDomain c.example", await Hunts.LastSeenAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task LastSeen_Empty_IsEmptyNotNull()
    {
        var name = NewId();

        await Hunts.SetLastSeenAsync(name, "", CancellationToken.None);

        Assert.Equal("", await Hunts.LastSeenAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task LastSeen_NamesCompareExactly()
    {
        var name = "Engine-" + NewId();
        await Hunts.SetLastSeenAsync(name, "v1", CancellationToken.None);
        await Hunts.SetLastSeenAsync(name + "/#?", "v2", CancellationToken.None);

        Assert.Null(await Hunts.LastSeenAsync(name.ToLowerInvariant(), CancellationToken.None));
        Assert.Equal(("v1", "v2"), (await Hunts.LastSeenAsync(name, CancellationToken.None), await Hunts.LastSeenAsync(name + "/#?", CancellationToken.None)));
    }

    private async Task<Hunt> CreatedAsync(Hunt? hunt = null)
    {
        hunt ??= NewHunt();
        Assert.True(await Hunts.TryCreateAsync(hunt, CancellationToken.None));
        return hunt;
    }

    private static Hunt NewHunt() =>
        new(NewId(), Indicator.UrlDomain("later-bad.example"), TenPast10.AddDays(-7), ReportOnly: false, HuntTrigger.Analyst, "soc@contoso.example", TenPast10);

    private static HuntFinding Finding(string key) =>
        new(key, Malicious: true, "campaign-1", "Phishing", 20, ["HUNTED_CONTENT", "URL_BLOCKED"], "mailbox-1", "message-1");

    private static string NewId() => $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}";
}
