using Remediation.Core.Compromise;

namespace Remediation.IntegrationTests.Compromise;

/// <summary>What every compromise ledger promises, whichever store keeps it: run against the in-memory twin and Table storage.</summary>
public abstract class CompromiseLedgerContract
{
    private static readonly DateTimeOffset TenPast10 = new(2026, 11, 29, 10, 10, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cooldown = TimeSpan.FromDays(1);

    protected abstract ICompromiseLedger Ledger { get; }

    /// <summary>The responses recorded for the mailbox, oldest first, read from the store itself.</summary>
    protected abstract Task<IReadOnlyList<RecordedResponse>> ResponsesAsync(string mailboxId);

    /// <summary>The revocations recorded for the mailbox, oldest incident first, read from the store itself.</summary>
    protected abstract Task<IReadOnlyList<RecordedRevocation>> RevocationsAsync(string mailboxId);

    [Fact]
    public async Task Evidence_AddedToTwoMailboxes_IsReturnedForItsOwnMailboxOnly()
    {
        var (a, b) = (NewId(), NewId());
        var appended = new CompromiseEvidence(a, "m1", "c1", TenPast10);
        var sent = new CompromiseEvidence(a, "m2", "c2", TenPast10.AddMinutes(1), EvidenceSource.SentInternally);
        await Ledger.AddAsync(appended, CancellationToken.None);
        await Ledger.AddAsync(sent, CancellationToken.None);
        await Ledger.AddAsync(new CompromiseEvidence(b, "m3", "c1", TenPast10), CancellationToken.None);

        var evidence = await Ledger.EvidenceAsync(a, CancellationToken.None);

        Assert.Equal([appended, sent], evidence.OrderBy(e => e.MessageId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Evidence_SameMessageAddedTwice_IsKeptOnce()
    {
        var mailbox = NewId();
        await Ledger.AddAsync(new CompromiseEvidence(mailbox, "m1", "c1", TenPast10), CancellationToken.None);

        await Ledger.AddAsync(new CompromiseEvidence(mailbox, "m1", "c1", TenPast10), CancellationToken.None);

        Assert.Single(await Ledger.EvidenceAsync(mailbox, CancellationToken.None));
    }

    [Fact]
    public async Task Evidence_MailboxWithoutAny_IsEmpty()
    {
        Assert.Empty(await Ledger.EvidenceAsync(NewId(), CancellationToken.None));
    }

    [Fact]
    public async Task Evidence_IdsWithCharactersTableKeysRefuse_AreKeptAndReturnedAsGiven()
    {
        var mailbox = $"{NewId()}/user#1?";
        var evidence = new CompromiseEvidence(mailbox, "<msg/1#2?@example>", "campaign/1", TenPast10);

        await Ledger.AddAsync(evidence, CancellationToken.None);

        Assert.Equal([evidence], await Ledger.EvidenceAsync(mailbox, CancellationToken.None));
        Assert.Equal([mailbox], await Ledger.WaveAsync("campaign/1", CancellationToken.None));
    }

    [Fact]
    public async Task Wave_CampaignAppendedIntoMailboxes_ListsEachMailboxOnce()
    {
        var (campaign, a, b) = (NewId(), NewId(), NewId());
        await Ledger.AddAsync(new CompromiseEvidence(a, "m1", campaign, TenPast10), CancellationToken.None);
        await Ledger.AddAsync(new CompromiseEvidence(a, "m2", campaign, TenPast10), CancellationToken.None);

        await Ledger.AddAsync(new CompromiseEvidence(b, "m3", campaign, TenPast10), CancellationToken.None);

        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), (await Ledger.WaveAsync(campaign, CancellationToken.None)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Wave_CampaignSentInternally_IsNoWaveThoughItIsEvidence()
    {
        var (campaign, sender) = (NewId(), NewId());

        await Ledger.AddAsync(new CompromiseEvidence(sender, "copy1", campaign, TenPast10, EvidenceSource.SentInternally), CancellationToken.None);

        Assert.Empty(await Ledger.WaveAsync(campaign, CancellationToken.None));
        Assert.Single(await Ledger.EvidenceAsync(sender, CancellationToken.None));
    }

    [Fact]
    public async Task WaveAssessed_MarkedOnceOrTwice_IsTrueForThatCampaignAlone()
    {
        var (campaign, other) = (NewId() + "/wave#1", NewId());
        Assert.False(await Ledger.IsWaveAssessedAsync(campaign, CancellationToken.None));

        await Ledger.MarkWaveAssessedAsync(campaign, CancellationToken.None);
        await Ledger.MarkWaveAssessedAsync(campaign, CancellationToken.None);

        Assert.True(await Ledger.IsWaveAssessedAsync(campaign, CancellationToken.None));
        Assert.False(await Ledger.IsWaveAssessedAsync(other, CancellationToken.None));
        Assert.Empty(await Ledger.WaveAsync(campaign, CancellationToken.None));
    }

    [Fact]
    public async Task HasOpenIncident_NoneOpened_IsFalse()
    {
        Assert.False(await Ledger.HasOpenIncidentAsync(NewId(), TenPast10, Cooldown, CancellationToken.None));
    }

    [Fact]
    public async Task TryOpenIncident_First_OpensItForTheCooldown()
    {
        var mailbox = NewId();

        Assert.True(await Ledger.TryOpenIncidentAsync(mailbox, TenPast10, Cooldown, CancellationToken.None));

        Assert.True(await Ledger.HasOpenIncidentAsync(mailbox, TenPast10 + Cooldown - TimeSpan.FromSeconds(1), Cooldown, CancellationToken.None));
        Assert.False(await Ledger.HasOpenIncidentAsync(mailbox, TenPast10 + Cooldown, Cooldown, CancellationToken.None));
    }

    [Fact]
    public async Task TryOpenIncident_WithinTheCooldown_IsRefused()
    {
        var mailbox = NewId();
        await Ledger.TryOpenIncidentAsync(mailbox, TenPast10, Cooldown, CancellationToken.None);

        Assert.False(await Ledger.TryOpenIncidentAsync(mailbox, TenPast10 + Cooldown - TimeSpan.FromSeconds(1), Cooldown, CancellationToken.None));
    }

    [Fact]
    public async Task TryOpenIncident_AfterTheCooldown_OpensANewOneWithACooldownOfItsOwn()
    {
        var mailbox = NewId();
        await Ledger.TryOpenIncidentAsync(mailbox, TenPast10, Cooldown, CancellationToken.None);

        Assert.True(await Ledger.TryOpenIncidentAsync(mailbox, TenPast10 + Cooldown, Cooldown, CancellationToken.None));

        Assert.True(await Ledger.HasOpenIncidentAsync(mailbox, TenPast10 + Cooldown + Cooldown - TimeSpan.FromSeconds(1), Cooldown, CancellationToken.None));
        Assert.False(await Ledger.TryOpenIncidentAsync(mailbox, TenPast10 + Cooldown + TimeSpan.FromHours(1), Cooldown, CancellationToken.None));
    }

    [Fact]
    public async Task TryOpenIncident_OtherMailbox_IsOpenedApart()
    {
        var mailbox = NewId();
        await Ledger.TryOpenIncidentAsync(mailbox, TenPast10, Cooldown, CancellationToken.None);

        Assert.True(await Ledger.TryOpenIncidentAsync(NewId(), TenPast10, Cooldown, CancellationToken.None));
    }

    [Fact]
    public async Task TryOpenIncident_RacingInstances_OnlyOneWins()
    {
        var mailbox = NewId();

        var opened = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Ledger.TryOpenIncidentAsync(mailbox, TenPast10, Cooldown, CancellationToken.None))));

        Assert.Equal(1, opened.Count(o => o));
    }

    [Fact]
    public async Task TryOpenIncident_RacingAfterTheCooldown_OnlyOneWins()
    {
        var mailbox = NewId();
        await Ledger.TryOpenIncidentAsync(mailbox, TenPast10, Cooldown, CancellationToken.None);

        var opened = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Ledger.TryOpenIncidentAsync(mailbox, TenPast10 + Cooldown, Cooldown, CancellationToken.None))));

        Assert.Equal(1, opened.Count(o => o));
    }

    [Fact]
    public async Task RecordResponse_KeepsTheResponseAndTheEvidenceItRestedOn()
    {
        var mailbox = NewId();
        List<CompromiseEvidence> evidence =
        [
            new(mailbox, "m1", "c1", TenPast10.AddHours(-2)),
            new(mailbox, "m2", "c2", TenPast10.AddHours(-5)),
            new(mailbox, "m3", "c1", TenPast10.AddHours(-1)),
        ];

        await Ledger.RecordResponseAsync(mailbox, "RevokeSessions", evidence, TenPast10, CancellationToken.None);

        var response = Assert.Single(await ResponsesAsync(mailbox));
        Assert.Equal(("RevokeSessions", TenPast10), (response.Response, response.At));
        Assert.Equal(["m1", "m2", "m3"], response.Messages);
        Assert.Equal(["c1", "c2"], response.Campaigns);
        Assert.Equal((TenPast10.AddHours(-5), TenPast10.AddHours(-1)), (response.FirstSeen, response.LastSeen));
    }

    // An appender placed 400 lures: every message id listed would be a value larger than Table storage takes.
    [Fact]
    public async Task RecordResponse_HundredsOfMessages_ListsTheFirstHundred()
    {
        var mailbox = NewId();
        List<CompromiseEvidence> evidence = [.. Enumerable.Range(0, 400).Select(i => new CompromiseEvidence(mailbox, $"{i:D4}" + new string('m', 148), $"c{i % 2}", TenPast10))];

        await Ledger.RecordResponseAsync(mailbox, "RevokeSessions", evidence, TenPast10, CancellationToken.None);

        var response = Assert.Single(await ResponsesAsync(mailbox));
        Assert.Equal(evidence.Take(CompromiseEvidence.MaxListed).Select(e => e.MessageId), response.Messages);
        Assert.Equal(["c0", "c1"], response.Campaigns);
    }

    [Fact]
    public async Task RecordResponse_TwoIncidents_KeepsBoth()
    {
        var mailbox = NewId();
        CompromiseEvidence[] evidence = [new(mailbox, "m1", "c1", TenPast10)];
        await Ledger.RecordResponseAsync(mailbox, "RevokeSessions", evidence, TenPast10, CancellationToken.None);

        await Ledger.RecordResponseAsync(mailbox, "AlertOnly", evidence, TenPast10 + Cooldown, CancellationToken.None);

        Assert.Equal(["RevokeSessions", "AlertOnly"], (await ResponsesAsync(mailbox)).Select(r => r.Response));
    }

    [Fact]
    public async Task RecordRevocation_RetriedRevoke_KeepsTheFirstRecord()
    {
        var mailbox = NewId();
        await Ledger.RecordRevocationAsync(mailbox, TenPast10, TenPast10.AddMinutes(1), CancellationToken.None);

        await Ledger.RecordRevocationAsync(mailbox, TenPast10, TenPast10.AddMinutes(3), CancellationToken.None);

        var revocation = Assert.Single(await RevocationsAsync(mailbox));
        Assert.Equal((TenPast10, TenPast10.AddMinutes(1)), (revocation.IncidentOpenedAt, revocation.RevokedAt));
    }

    [Fact]
    public async Task RecordRevocation_TwoIncidents_KeepsOnePerIncident()
    {
        var mailbox = NewId();
        await Ledger.RecordRevocationAsync(mailbox, TenPast10, TenPast10.AddMinutes(1), CancellationToken.None);

        await Ledger.RecordRevocationAsync(mailbox, TenPast10 + Cooldown, TenPast10 + Cooldown + TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal([TenPast10, TenPast10 + Cooldown], (await RevocationsAsync(mailbox)).Select(r => r.IncidentOpenedAt));
    }

    private static string NewId() => $"id{Guid.NewGuid():N}";
}
