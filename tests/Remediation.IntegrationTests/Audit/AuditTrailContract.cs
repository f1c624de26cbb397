using Remediation.Core.Audit;

namespace Remediation.IntegrationTests.Audit;

/// <summary>What every audit trail promises, whichever store keeps it: run against the in-memory twin and Table storage.</summary>
public abstract class AuditTrailContract
{
    private static readonly DateTimeOffset TenPast10 = new(2026, 11, 29, 10, 10, 0, TimeSpan.Zero);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    protected abstract IAuditTrail Audit { get; }

    [Fact]
    public async Task Save_ThenFind_ReturnsEveryField()
    {
        var record = Record(AuditOutcome.Remediated) with { Detail = "moved", Actor = "soc@contoso.example" };

        await Audit.SaveAsync(record, CancellationToken.None);

        var found = await Audit.FindAsync(record.CampaignId, record.MailboxId, record.MessageId, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(record with { Rules = found.Rules }, found);
        Assert.Equal(["R1", "R2"], found.Rules);
    }

    [Fact]
    public async Task Find_NoRecord_ReturnsNull()
    {
        var record = Record(AuditOutcome.Remediated);

        Assert.Null(await Audit.FindAsync(record.CampaignId, record.MailboxId, record.MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task Find_IdOfOtherCase_FindsNothing()
    {
        var record = Record(AuditOutcome.Remediated);
        await Audit.SaveAsync(record, CancellationToken.None);

        Assert.Null(await Audit.FindAsync(record.CampaignId, record.MailboxId, record.MessageId.ToUpperInvariant(), CancellationToken.None));
    }

    [Fact]
    public async Task Save_SameCopyTwice_KeepsTheLatest()
    {
        var record = Record(AuditOutcome.Pending);
        await Audit.SaveAsync(record, CancellationToken.None);

        await Audit.SaveAsync(record with { Outcome = AuditOutcome.Restored, Detail = null }, CancellationToken.None);

        var found = await Audit.FindAsync(record.CampaignId, record.MailboxId, record.MessageId, CancellationToken.None);
        Assert.Equal(AuditOutcome.Restored, found?.Outcome);
        Assert.Null(found?.Detail);
    }

    [Fact]
    public async Task Claim_NoRecord_RecordsThePendingClaim()
    {
        var pending = Record(AuditOutcome.Pending);

        var claim = await Audit.TryClaimAsync(pending, StaleAfter, CancellationToken.None);

        Assert.Same(pending, claim);
        Assert.Equal(AuditOutcome.Pending, (await FindAsync(pending))?.Outcome);
    }

    [Theory]
    [InlineData(AuditOutcome.Remediated)]
    [InlineData(AuditOutcome.ReportOnly)]
    [InlineData(AuditOutcome.Gone)]
    [InlineData(AuditOutcome.Restored)]
    [InlineData(AuditOutcome.ContentMismatch)]
    public async Task Claim_CopyDealtWith_IsRefusedAndLeavesTheRecord(AuditOutcome outcome)
    {
        var done = Record(outcome);
        await Audit.SaveAsync(done, CancellationToken.None);

        var claim = await Audit.TryClaimAsync(done with { Outcome = AuditOutcome.Pending, At = TenPast10.AddHours(1) }, StaleAfter, CancellationToken.None);

        Assert.Null(claim);
        Assert.Equal(outcome, (await FindAsync(done))?.Outcome);
    }

    [Theory]
    [InlineData(AuditOutcome.Failed)]
    [InlineData(AuditOutcome.HeldByBreaker)]
    public async Task Claim_CopyFailedOrHeld_IsClaimedAgainWithTheOriginalFolder(AuditOutcome outcome)
    {
        var earlier = Record(outcome) with { OriginalFolderId = "inbox-id" };
        await Audit.SaveAsync(earlier, CancellationToken.None);

        var claim = await Audit.TryClaimAsync(earlier with { Outcome = AuditOutcome.Pending, OriginalFolderId = "quarantine-id" }, StaleAfter, CancellationToken.None);

        Assert.Equal(AuditOutcome.Pending, claim?.Outcome);
        Assert.Equal("inbox-id", claim?.OriginalFolderId);
        Assert.Equal("inbox-id", (await FindAsync(earlier))?.OriginalFolderId);
        Assert.Equal(AuditOutcome.Pending, (await FindAsync(earlier))?.Outcome);
    }

    [Fact]
    public async Task Claim_EarlierRecordWithoutFolder_TakesTheClaimsFolder()
    {
        var earlier = Record(AuditOutcome.Failed) with { OriginalFolderId = null };
        await Audit.SaveAsync(earlier, CancellationToken.None);

        var claim = await Audit.TryClaimAsync(earlier with { Outcome = AuditOutcome.Pending, OriginalFolderId = "inbox-id" }, StaleAfter, CancellationToken.None);

        Assert.Equal("inbox-id", claim?.OriginalFolderId);
    }

    [Fact]
    public async Task Claim_FreshPending_IsRefused()
    {
        var held = Record(AuditOutcome.Pending);
        await Audit.SaveAsync(held, CancellationToken.None);

        var claim = await Audit.TryClaimAsync(held with { At = TenPast10 + StaleAfter }, StaleAfter, CancellationToken.None);

        Assert.Null(claim);
    }

    [Fact]
    public async Task Claim_PendingOlderThanStaleAfter_IsTakenOverWithTheOriginalFolder()
    {
        var held = Record(AuditOutcome.Pending) with { OriginalFolderId = "inbox-id" };
        await Audit.SaveAsync(held, CancellationToken.None);

        var claim = await Audit.TryClaimAsync(held with { OriginalFolderId = "junk-id", At = TenPast10 + StaleAfter + TimeSpan.FromSeconds(1) }, StaleAfter, CancellationToken.None);

        Assert.Equal("inbox-id", claim?.OriginalFolderId);
        Assert.Equal(TenPast10 + StaleAfter + TimeSpan.FromSeconds(1), (await FindAsync(held))?.At);
    }

    [Fact]
    public async Task Claim_RacingJobsOnOneCopy_OnlyOneWins()
    {
        var pending = Record(AuditOutcome.Pending);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Audit.TryClaimAsync(pending, StaleAfter, CancellationToken.None))));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task Claim_RacingTakeoversOfAFailedCopy_OnlyOneWins()
    {
        var failed = Record(AuditOutcome.Failed);
        await Audit.SaveAsync(failed, CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Audit.TryClaimAsync(failed with { Outcome = AuditOutcome.Pending }, StaleAfter, CancellationToken.None))));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task List_OneMailbox_ReturnsItsRecordsWhateverTheCase()
    {
        var campaign = NewId("campaign");
        await Audit.SaveAsync(Record(AuditOutcome.Remediated, campaign, "Alice-Id", "m1"), CancellationToken.None);
        await Audit.SaveAsync(Record(AuditOutcome.Remediated, campaign, "Alice-Id", "m2"), CancellationToken.None);
        await Audit.SaveAsync(Record(AuditOutcome.Remediated, campaign, "bob-id", "m3"), CancellationToken.None);
        await Audit.SaveAsync(Record(AuditOutcome.Remediated, NewId("campaign"), "alice-id", "m4"), CancellationToken.None);

        var records = await Audit.ListAsync(campaign, "alice-id", CancellationToken.None);

        Assert.Equal(["m1", "m2"], records.Select(r => r.MessageId).Order());
    }

    [Fact]
    public async Task List_WholeCampaign_ReturnsEveryMailboxAndNoOtherCampaign()
    {
        var campaign = NewId("campaign");
        await Audit.SaveAsync(Record(AuditOutcome.Remediated, campaign, "alice-id", "m1"), CancellationToken.None);
        await Audit.SaveAsync(Record(AuditOutcome.Failed, campaign, "bob-id", "m2"), CancellationToken.None);
        await Audit.SaveAsync(Record(AuditOutcome.Remediated, NewId("campaign"), "alice-id", "m3"), CancellationToken.None);

        var records = await Audit.ListAsync(campaign, null, CancellationToken.None);

        Assert.Equal(["m1", "m2"], records.Select(r => r.MessageId).Order());
    }

    [Fact]
    public async Task Save_IdsWithCharactersKeysRefuse_RoundTrip()
    {
        var record = Record(AuditOutcome.Remediated, NewId("campaign/#?"), "mailbox\\1", "AAkAL/x+y==%");

        await Audit.SaveAsync(record, CancellationToken.None);

        Assert.Equal(record.MessageId, (await FindAsync(record))?.MessageId);
        Assert.Equal(record.MessageId, Assert.Single(await Audit.ListAsync(record.CampaignId, record.MailboxId, CancellationToken.None)).MessageId);
    }

    [Fact]
    public async Task ClaimAll_NoRecords_ClaimsEveryCopyOfEveryMailbox()
    {
        var campaign = NewId("campaign");
        // More than one transaction holds, over two mailboxes.
        var pending = Enumerable.Range(0, 130).Select(i => Record(AuditOutcome.Pending, campaign, i % 2 == 0 ? "alice-id" : "bob-id", $"m{i:D3}")).ToList();

        var claims = await Audit.TryClaimAllAsync(pending, StaleAfter, CancellationToken.None);

        Assert.Equal(pending.Select(r => r.MessageId), claims.Select(r => r.MessageId).Order(StringComparer.Ordinal));
        var stored = await Audit.ListAsync(campaign, null, CancellationToken.None);
        Assert.Equal(130, stored.Count);
        Assert.All(stored, r => Assert.Equal(AuditOutcome.Pending, r.Outcome));
    }

    [Fact]
    public async Task ClaimAll_SomeCopiesDealtWithOrHeld_ClaimsTheRestAndTakesOverTheFailed()
    {
        var campaign = NewId("campaign");
        var done = Record(AuditOutcome.Remediated, campaign, "alice-id", "done");
        var held = Record(AuditOutcome.Pending, campaign, "alice-id", "held");
        var failed = Record(AuditOutcome.Failed, campaign, "bob-id", "failed") with { OriginalFolderId = "where-it-was" };
        foreach (var record in new[] { done, held, failed }) await Audit.SaveAsync(record, CancellationToken.None);
        var fresh = Record(AuditOutcome.Pending, campaign, "bob-id", "fresh");

        var claims = await Audit.TryClaimAllAsync(
            [.. new[] { done, held, failed, fresh }.Select(r => r with { Outcome = AuditOutcome.Pending, OriginalFolderId = "junk-id", At = TenPast10.AddMinutes(1) })],
            StaleAfter, CancellationToken.None);

        Assert.Equal(["failed", "fresh"], claims.Select(c => c.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal("where-it-was", claims.Single(c => c.MessageId == "failed").OriginalFolderId);
        Assert.Equal(AuditOutcome.Remediated, (await FindAsync(done))?.Outcome);
        Assert.Equal(TenPast10, (await FindAsync(held))?.At);
        Assert.Equal(AuditOutcome.Pending, (await FindAsync(fresh))?.Outcome);
    }

    [Fact]
    public async Task ClaimAll_TwoCampaigns_ClaimsEach()
    {
        AuditRecord[] pending = [Record(AuditOutcome.Pending), Record(AuditOutcome.Pending)];

        var claims = await Audit.TryClaimAllAsync(pending, StaleAfter, CancellationToken.None);

        Assert.Equal(2, claims.Count);
        foreach (var record in pending) Assert.NotNull(await FindAsync(record));
    }

    [Fact]
    public async Task ClaimAll_RacingJobsOnTheSameCopies_EachCopyHasOneWinner()
    {
        var campaign = NewId("campaign");
        var pending = Enumerable.Range(0, 10).Select(i => Record(AuditOutcome.Pending, campaign, "alice-id", $"m{i}")).ToList();

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Audit.TryClaimAllAsync(pending, StaleAfter, CancellationToken.None))));

        Assert.Equal(pending.Select(r => r.MessageId), claims.SelectMany(c => c).Select(c => c.MessageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SaveAll_OutcomesOverClaims_ReplaceEveryRecordOfEveryCampaign()
    {
        var campaign = NewId("campaign");
        var claims = Enumerable.Range(0, 120).Select(i => Record(AuditOutcome.Pending, campaign, "alice-id", $"m{i:D3}")).Append(Record(AuditOutcome.Pending)).ToList();
        await Audit.TryClaimAllAsync(claims, StaleAfter, CancellationToken.None);

        await Audit.SaveAllAsync([.. claims.Select(c => c with { Outcome = AuditOutcome.Remediated, Detail = null })], CancellationToken.None);

        Assert.All(await Audit.ListAsync(campaign, null, CancellationToken.None), r => Assert.Equal((AuditOutcome.Remediated, (string?)null), (r.Outcome, r.Detail)));
        Assert.Equal(120, (await Audit.ListAsync(campaign, null, CancellationToken.None)).Count);
        Assert.Equal(AuditOutcome.Remediated, (await FindAsync(claims[^1]))?.Outcome);
    }

    [Fact]
    public async Task ClaimAllAndSaveAll_NoRecords_AreRefusedByNoStore()
    {
        // Table storage refuses an empty transaction; a job that found no copy still saves its (no) outcomes.
        await Audit.SaveAllAsync([], CancellationToken.None);

        Assert.Empty(await Audit.TryClaimAllAsync([], StaleAfter, CancellationToken.None));
    }

    private Task<AuditRecord?> FindAsync(AuditRecord record) => Audit.FindAsync(record.CampaignId, record.MailboxId, record.MessageId, CancellationToken.None);

    private static AuditRecord Record(AuditOutcome outcome) => Record(outcome, NewId("campaign"), NewId("mailbox"), NewId("AAkAL"));

    private static AuditRecord Record(AuditOutcome outcome, string campaignId, string mailboxId, string messageId) =>
        new(campaignId, mailboxId, messageId, "Quarantine", "inbox-id", outcome, ["R1", "R2"], TenPast10, "detail");

    private static string NewId(string prefix) => $"{prefix}{Guid.NewGuid():N}";
}
