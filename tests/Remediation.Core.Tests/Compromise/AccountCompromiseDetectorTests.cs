using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Breakers;
using Remediation.Core.Compromise;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Tests.Compromise;

/// <summary>
/// Which mailboxes the detector calls likely compromised and what it does about them, on the in-memory ledger, budget
/// and queue with a fake clock.
/// </summary>
public sealed class AccountCompromiseDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly InMemoryCompromiseLedger _ledger = new();
    private readonly InMemoryWorkQueue _queue = new();
    private readonly RecordingTelemetry _telemetry = new();
    private readonly CompromiseOptions _options = new() { Response = CompromiseResponse.RevokeSessions };
    private readonly InMemoryAccountGateway _accounts = new();

    public AccountCompromiseDetectorTests()
    {
        foreach (var user in new[] { "a", "b", "c", "eve", "last" }) _accounts.AddUser(user);
    }

    [Fact]
    public async Task RecordAsync_OneRecentMessage_DoesNotFlag()
    {
        await NewDetector().RecordAsync(Appended("a", "m1"), CancellationToken.None);

        Assert.Empty(Flagged());
        Assert.Empty(_queue.Drain<SessionRevocation>(WorkQueueNames.SessionRevocations));
        Assert.Empty(_ledger.Responses("a"));
    }

    [Fact]
    public async Task RecordAsync_TwoRecentMessages_FlagsTheMailboxWithItsEvidence()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m1", age: TimeSpan.FromHours(2)), CancellationToken.None);

        await detector.RecordAsync(Appended("a", "m2"), CancellationToken.None);

        var flagged = Assert.Single(Flagged());
        Assert.Equal("a", flagged[PipelineEventProperties.MailboxId]);
        Assert.Equal("m1,m2", flagged[PipelineEventProperties.Messages]);
        Assert.Equal("c1", flagged[PipelineEventProperties.CampaignId]);
        Assert.Equal("2026-11-29T08:15:00.0000000+00:00", flagged[PipelineEventProperties.FirstSeen]);
        Assert.Equal("2026-11-29T10:15:00.0000000+00:00", flagged[PipelineEventProperties.LastSeen]);
        Assert.Equal("2", flagged[PipelineEventProperties.Score]);
        Assert.Equal("RevokeSessions", flagged[PipelineEventProperties.Response]);
        Assert.Equal("Appended", flagged[PipelineEventProperties.Evidence]);
    }

    [Fact]
    public async Task RecordAsync_Flagged_QueuesTheRevokeForTheIncidentAndRecordsTheResponse()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m1"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));

        await detector.RecordAsync(Appended("a", "m2"), CancellationToken.None);

        var revocation = Assert.Single(_queue.Drain<SessionRevocation>(WorkQueueNames.SessionRevocations));
        Assert.Equal(new SessionRevocation("a", Start.AddMinutes(5)), revocation);
        var response = Assert.Single(_ledger.Responses("a"));
        Assert.Equal(("RevokeSessions", Start.AddMinutes(5)), (response.Response, response.At));
        Assert.Equal(["m1", "m2"], response.Messages);
        Assert.Equal((Start, Start.AddMinutes(5)), (response.FirstSeen, response.LastSeen));
    }

    [Fact]
    public async Task RecordAsync_RecentAndOlderMessageAtTheThreshold_Flags()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m1", age: TimeSpan.FromDays(3)), CancellationToken.None);

        await detector.RecordAsync(Appended("a", "m2"), CancellationToken.None);

        Assert.Equal("1.5", Assert.Single(Flagged())[PipelineEventProperties.Score]);
    }

    [Fact]
    public async Task RecordAsync_TwoMessagesOutsideTheRecentWindow_StayBelowTheThreshold()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m1", age: TimeSpan.FromDays(3)), CancellationToken.None);

        await detector.RecordAsync(Appended("a", "m2", age: TimeSpan.FromDays(2)), CancellationToken.None);

        Assert.Empty(Flagged());
    }

    [Fact]
    public async Task RecordAsync_EvidenceOlderThanTheWindow_IsNotCitedNorCounted()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m0", age: TimeSpan.FromDays(8)), CancellationToken.None);
        await detector.RecordAsync(Appended("a", "m1"), CancellationToken.None);

        await detector.RecordAsync(Appended("a", "m2"), CancellationToken.None);

        var flagged = Assert.Single(Flagged());
        Assert.Equal(("m1,m2", "2"), (flagged[PipelineEventProperties.Messages], flagged[PipelineEventProperties.Score]));
    }

    [Fact]
    public async Task RecordAsync_OnlyEvidenceOlderThanTheWindowUnderAThresholdOfZero_DoesNotFlag()
    {
        _options.Threshold = 0;

        await NewDetector().RecordAsync(Appended("a", "m1", age: TimeSpan.FromDays(8)), CancellationToken.None);

        Assert.Empty(Flagged());
        Assert.Empty(_ledger.Responses("a"));
    }

    // A migration appends a mailbox's history with its original dates: an old copy of a campaign in one mailbox must
    // not make today's copy in another a wave.
    [Fact]
    public async Task RecordAsync_MailPlacedBeforeTheWindow_IsNotRecordedAndFormsNoWave()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m0", age: TimeSpan.FromDays(30)), CancellationToken.None);

        await detector.RecordAsync(Appended("b", "m1"), CancellationToken.None);

        Assert.Empty(Flagged());
        Assert.Empty(await _ledger.EvidenceAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_WaveForms_ReassessesTheMailboxesSeenBeforeItWithItsWeight()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m1"), CancellationToken.None);
        Assert.Empty(Flagged());

        await detector.RecordAsync(Appended("b", "m2"), CancellationToken.None);

        Assert.Equal([("a", "2"), ("b", "2")], Flagged().Select(e => (e[PipelineEventProperties.MailboxId], e[PipelineEventProperties.Score])).Order());
    }

    [Fact]
    public async Task RecordAsync_WaveGrewFarPastItsSizeBeforeAnyoneLooked_ReassessesEveryMailboxOnceAndMarksIt()
    {
        // Fifty copies scanned at once, on several instances: each added its evidence, none yet saw a wave.
        var earlier = Enumerable.Range(0, 50).Select(i => $"m{i:D2}").ToList();
        foreach (var mailbox in earlier) await _ledger.AddAsync(Appended(mailbox, $"{mailbox}-1"), CancellationToken.None);

        await NewDetector().RecordAsync(Appended("last", "last-1"), CancellationToken.None);

        Assert.Equal(earlier.Append("last").Order(StringComparer.Ordinal), Flagged().Select(e => e[PipelineEventProperties.MailboxId]).Order(StringComparer.Ordinal));
        Assert.True(await _ledger.IsWaveAssessedAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_FailsWhileAssessingTheWave_LeavesItToBeAssessedWholeAgain()
    {
        await _ledger.AddAsync(Appended("a", "m1"), CancellationToken.None);
        var detector = NewDetector(ledger: new EvidenceUnreadableFor("a", _ledger));

        await Assert.ThrowsAsync<IOException>(() => detector.RecordAsync(Appended("b", "m2"), CancellationToken.None));

        Assert.False(await _ledger.IsWaveAssessedAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_WaveOfOtherCampaigns_IsNotCountedForTheMailbox()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("b", "m1", campaignId: "c2"), CancellationToken.None);
        await detector.RecordAsync(Appended("c", "m2", campaignId: "c2"), CancellationToken.None);

        await detector.RecordAsync(Appended("a", "m3"), CancellationToken.None);

        Assert.DoesNotContain("a", Flagged().Select(e => e[PipelineEventProperties.MailboxId]));
    }

    [Fact]
    public async Task RecordAsync_SentInternallyToColleagues_FlagsTheSenderAsSentInternally()
    {
        var detector = NewDetector();
        await detector.RecordAsync(SentInternally("eve", "copy-ana", "c9"), CancellationToken.None);

        await detector.RecordAsync(SentInternally("eve", "copy-ben", "c9"), CancellationToken.None);

        var flagged = Assert.Single(Flagged());
        Assert.Equal(("eve", "SentInternally", "2"), (flagged[PipelineEventProperties.MailboxId], flagged[PipelineEventProperties.Evidence], flagged[PipelineEventProperties.Score]));
    }

    [Fact]
    public async Task RecordAsync_SentInternallyWithTheCampaignOfAnAppendedMessage_DoesNotJoinItsWave()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m1"), CancellationToken.None);

        await detector.RecordAsync(SentInternally("eve", "copy-ana"), CancellationToken.None);

        Assert.Empty(Flagged());
        Assert.Equal(["a"], await _ledger.WaveAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_BothKindsOfEvidence_NamesEachSourceOnceInOrder()
    {
        _options.Threshold = 2;
        var detector = NewDetector();
        await detector.RecordAsync(SentInternally("a", "a-copy", "c9"), CancellationToken.None);
        await detector.RecordAsync(Appended("a", "b-appended", age: TimeSpan.FromDays(2)), CancellationToken.None);

        await detector.RecordAsync(Appended("a", "c-appended", age: TimeSpan.FromDays(3)), CancellationToken.None);

        var flagged = Assert.Single(Flagged());
        Assert.Equal("Appended,SentInternally", flagged[PipelineEventProperties.Evidence]);
        Assert.Equal("c9,c1", flagged[PipelineEventProperties.CampaignId]);
        Assert.Equal("2026-11-26T10:15:00.0000000+00:00", flagged[PipelineEventProperties.FirstSeen]);
        Assert.Equal("2026-11-29T10:15:00.0000000+00:00", flagged[PipelineEventProperties.LastSeen]);
    }

    [Fact]
    public async Task RecordAsync_SameEvidenceRetried_AlertsOnce()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m1"), CancellationToken.None);
        await detector.RecordAsync(Appended("a", "m2"), CancellationToken.None);

        await detector.RecordAsync(Appended("a", "m2"), CancellationToken.None);

        Assert.Single(Flagged());
        Assert.Single(_queue.Drain<SessionRevocation>(WorkQueueNames.SessionRevocations));
    }

    [Fact]
    public async Task RecordAsync_NewEvidenceWithinTheCooldown_JoinsTheOpenIncident()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m1"), CancellationToken.None);
        await detector.RecordAsync(Appended("a", "m2"), CancellationToken.None);
        _clock.Advance(_options.Cooldown - TimeSpan.FromMinutes(1));

        await detector.RecordAsync(Appended("a", "m3"), CancellationToken.None);

        Assert.Single(Flagged());
        Assert.Single(_ledger.Responses("a"));
    }

    [Fact]
    public async Task RecordAsync_NewEvidenceAfterTheCooldown_OpensANewIncident()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m1"), CancellationToken.None);
        await detector.RecordAsync(Appended("a", "m2"), CancellationToken.None);
        _clock.Advance(_options.Cooldown);

        await detector.RecordAsync(Appended("a", "m3"), CancellationToken.None);

        Assert.Equal(2, Flagged().Count);
        Assert.Equal([Start, Start + _options.Cooldown], _queue.Drain<SessionRevocation>(WorkQueueNames.SessionRevocations).Select(r => r.IncidentOpenedAt));
        Assert.Equal([Start, Start + _options.Cooldown], _ledger.Responses("a").Select(r => r.At));
    }

    [Fact]
    public async Task RecordAsync_AnotherInstanceOpensTheIncidentBetweenTheLookAndTheOpen_LeavesTheAlertToIt()
    {
        var detector = NewDetector(ledger: new LateLookLedger(_ledger));
        await detector.RecordAsync(Appended("a", "m1"), CancellationToken.None);
        await _ledger.TryOpenIncidentAsync("a", Start, _options.Cooldown, CancellationToken.None);

        await detector.RecordAsync(Appended("a", "m2"), CancellationToken.None);

        Assert.Empty(Flagged());
        Assert.Empty(_queue.Drain<SessionRevocation>(WorkQueueNames.SessionRevocations));
        Assert.Empty(_ledger.Responses("a"));
    }

    [Fact]
    public async Task RecordAsync_AlertOnly_AlertsWithoutSpendingTheRevocationBudget()
    {
        _options.Response = CompromiseResponse.AlertOnly;
        _options.MaxRevocationsPerHour = 0;

        await FlagAsync(NewDetector(), "a");

        Assert.Equal("AlertOnly", Assert.Single(Flagged())[PipelineEventProperties.Response]);
        Assert.Empty(_queue.Drain<SessionRevocation>(WorkQueueNames.SessionRevocations));
        Assert.Empty(_telemetry.Events(PipelineEvents.CircuitBreakerTripped));
    }

    [Fact]
    public async Task RecordAsync_SharedMailboxNobodySignsInAs_AlertsToFindTheDelegateWithoutSpendingTheBudget()
    {
        _accounts.AddUser("shared", canSignIn: false);
        _options.MaxRevocationsPerHour = 1;
        var detector = NewDetector();
        await FlagAsync(detector, "shared");

        await FlagAsync(detector, "a");

        Assert.Equal([("shared", "AlertOnly (no one signs in as this mailbox: find the delegate who placed the mail)"), ("a", "RevokeSessions")],
            Flagged().Select(e => (e[PipelineEventProperties.MailboxId], e[PipelineEventProperties.Response])));
        Assert.Equal(["a"], _queue.Drain<SessionRevocation>(WorkQueueNames.SessionRevocations).Select(r => r.MailboxId));
        Assert.StartsWith("AlertOnly (no one signs in", Assert.Single(_ledger.Responses("shared")).Response);
    }

    [Fact]
    public async Task RecordAsync_DirectoryCannotSayWhetherAnyoneSignsIn_RevokesAnyway()
    {
        await FlagAsync(NewDetector(), "unknown-to-the-directory");

        Assert.Equal("RevokeSessions", Assert.Single(Flagged())[PipelineEventProperties.Response]);
        Assert.Equal(["unknown-to-the-directory"], _queue.Drain<SessionRevocation>(WorkQueueNames.SessionRevocations).Select(r => r.MailboxId));
    }

    [Fact]
    public async Task RecordAsync_RevocationCapReached_AlertsWithoutQueueingTheRevoke()
    {
        _options.MaxRevocationsPerHour = 1;
        var detector = NewDetector();
        await FlagAsync(detector, "a");

        await FlagAsync(detector, "b");

        Assert.Equal([("a", "RevokeSessions"), ("b", "AlertOnly (revocation cap reached)")],
            Flagged().Select(e => (e[PipelineEventProperties.MailboxId], e[PipelineEventProperties.Response])));
        Assert.Equal(["a"], _queue.Drain<SessionRevocation>(WorkQueueNames.SessionRevocations).Select(r => r.MailboxId));
        Assert.Equal("AlertOnly (revocation cap reached)", Assert.Single(_ledger.Responses("b")).Response);
    }

    [Fact]
    public async Task RecordAsync_BudgetUnreachable_AlertsAndAsksForTheRevokeByHand()
    {
        await FlagAsync(NewDetector(budget: new UnreachableBudget()), "a");

        Assert.Equal("AlertOnly (revoke could not be queued: revoke by hand)", Assert.Single(Flagged())[PipelineEventProperties.Response]);
        Assert.Equal("AlertOnly (revoke could not be queued: revoke by hand)", Assert.Single(_ledger.Responses("a")).Response);
    }

    [Fact]
    public async Task RecordAsync_QueueUnreachable_AlertsAndAsksForTheRevokeByHand()
    {
        await FlagAsync(NewDetector(queue: new UnreachableQueue()), "a");

        Assert.Equal("AlertOnly (revoke could not be queued: revoke by hand)", Assert.Single(Flagged())[PipelineEventProperties.Response]);
    }

    [Fact]
    public async Task RecordAsync_CancelledWhileQueueingTheRevoke_ThrowsInsteadOfAlerting()
    {
        var detector = NewDetector();
        await detector.RecordAsync(Appended("a", "m1"), CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => detector.RecordAsync(Appended("a", "m2"), new CancellationToken(canceled: true)));

        Assert.Empty(Flagged());
    }

    private AccountCompromiseDetector NewDetector(IHourlyBudget? budget = null, IWorkQueue? queue = null, ICompromiseLedger? ledger = null) => new(
        ledger ?? _ledger,
        _accounts,
        queue ?? _queue,
        new CircuitBreaker(budget ?? new InMemoryHourlyBudget(), _telemetry, _clock, NullLogger<CircuitBreaker>.Instance),
        _telemetry,
        Options.Create(_options),
        _clock,
        NullLogger<AccountCompromiseDetector>.Instance);

    /// <summary>Two recent messages of a campaign of its own: enough to flag the mailbox by itself.</summary>
    private async Task FlagAsync(AccountCompromiseDetector detector, string mailboxId)
    {
        await detector.RecordAsync(Appended(mailboxId, $"{mailboxId}-m1", campaignId: $"{mailboxId}-c"), CancellationToken.None);
        await detector.RecordAsync(Appended(mailboxId, $"{mailboxId}-m2", campaignId: $"{mailboxId}-c"), CancellationToken.None);
    }

    private List<IReadOnlyDictionary<string, string>> Flagged() => [.. _telemetry.Events(PipelineEvents.MailboxCompromised)];

    private CompromiseEvidence Appended(string mailboxId, string messageId, string campaignId = "c1", TimeSpan age = default) =>
        new(mailboxId, messageId, campaignId, _clock.GetUtcNow() - age);

    private CompromiseEvidence SentInternally(string mailboxId, string messageId, string campaignId = "c1") =>
        new(mailboxId, messageId, campaignId, _clock.GetUtcNow(), EvidenceSource.SentInternally);

    /// <summary>The breakers' table, unreachable.</summary>
    private sealed class UnreachableBudget : IHourlyBudget
    {
        public Task<BudgetTake> TakeAsync(string breaker, int limitPerHour, int units, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new IOException("Injected: the breakers' table did not answer.");
    }

    /// <summary>The session-revocations queue, unreachable.</summary>
    private sealed class UnreachableQueue : IWorkQueue
    {
        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
            throw new IOException("Injected: the queue did not answer.");

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken) =>
            throw new IOException("Injected: the queue did not answer.");

        public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) =>
            throw new IOException("Injected: the queue did not answer.");
    }

    /// <summary>The ledger, with one mailbox's evidence unreadable, as when the table fails midway through a wave.</summary>
    private sealed class EvidenceUnreadableFor(string mailboxId, InMemoryCompromiseLedger ledger) : ICompromiseLedger
    {
        public Task AddAsync(CompromiseEvidence evidence, CancellationToken cancellationToken) => ledger.AddAsync(evidence, cancellationToken);

        public Task<IReadOnlyList<CompromiseEvidence>> EvidenceAsync(string mailbox, CancellationToken cancellationToken) =>
            mailbox == mailboxId ? throw new IOException("Injected: the compromise table did not answer.") : ledger.EvidenceAsync(mailbox, cancellationToken);

        public Task<IReadOnlyList<string>> WaveAsync(string campaignId, CancellationToken cancellationToken) => ledger.WaveAsync(campaignId, cancellationToken);

        public Task<bool> IsWaveAssessedAsync(string campaignId, CancellationToken cancellationToken) => ledger.IsWaveAssessedAsync(campaignId, cancellationToken);

        public Task MarkWaveAssessedAsync(string campaignId, CancellationToken cancellationToken) => ledger.MarkWaveAssessedAsync(campaignId, cancellationToken);

        public Task<bool> HasOpenIncidentAsync(string mailbox, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken) =>
            ledger.HasOpenIncidentAsync(mailbox, now, cooldown, cancellationToken);

        public Task<bool> TryOpenIncidentAsync(string mailbox, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken) =>
            ledger.TryOpenIncidentAsync(mailbox, now, cooldown, cancellationToken);

        public Task RecordResponseAsync(string mailbox, string response, IReadOnlyList<CompromiseEvidence> evidence, DateTimeOffset at, CancellationToken cancellationToken) =>
            ledger.RecordResponseAsync(mailbox, response, evidence, at, cancellationToken);

        public Task RecordRevocationAsync(string mailbox, DateTimeOffset incidentOpenedAt, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
            ledger.RecordRevocationAsync(mailbox, incidentOpenedAt, revokedAt, cancellationToken);
    }

    /// <summary>
    /// The ledger as an instance sees it when another one opens the incident right after this one looked: no incident
    /// open yet, though opening one then loses.
    /// </summary>
    private sealed class LateLookLedger(InMemoryCompromiseLedger ledger) : ICompromiseLedger
    {
        public Task AddAsync(CompromiseEvidence evidence, CancellationToken cancellationToken) => ledger.AddAsync(evidence, cancellationToken);

        public Task<IReadOnlyList<CompromiseEvidence>> EvidenceAsync(string mailboxId, CancellationToken cancellationToken) => ledger.EvidenceAsync(mailboxId, cancellationToken);

        public Task<IReadOnlyList<string>> WaveAsync(string campaignId, CancellationToken cancellationToken) => ledger.WaveAsync(campaignId, cancellationToken);

        public Task<bool> IsWaveAssessedAsync(string campaignId, CancellationToken cancellationToken) => ledger.IsWaveAssessedAsync(campaignId, cancellationToken);

        public Task MarkWaveAssessedAsync(string campaignId, CancellationToken cancellationToken) => ledger.MarkWaveAssessedAsync(campaignId, cancellationToken);

        public Task<bool> HasOpenIncidentAsync(string mailboxId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> TryOpenIncidentAsync(string mailboxId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken) =>
            ledger.TryOpenIncidentAsync(mailboxId, now, cooldown, cancellationToken);

        public Task RecordResponseAsync(string mailboxId, string response, IReadOnlyList<CompromiseEvidence> evidence, DateTimeOffset at, CancellationToken cancellationToken) =>
            ledger.RecordResponseAsync(mailboxId, response, evidence, at, cancellationToken);

        public Task RecordRevocationAsync(string mailboxId, DateTimeOffset incidentOpenedAt, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
            ledger.RecordRevocationAsync(mailboxId, incidentOpenedAt, revokedAt, cancellationToken);
    }
}
