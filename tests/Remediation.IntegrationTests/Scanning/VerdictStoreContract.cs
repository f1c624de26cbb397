using Remediation.Core.Scanning;
using Remediation.Core.Verdicts;

namespace Remediation.IntegrationTests.Scanning;

/// <summary>
/// What every verdict store promises, whichever store keeps it: run against the in-memory twin and Table storage. The
/// scan stage skips a message the store contains, so a key that matched too much would leave mail unscanned and one
/// that matched too little would scan and queue it twice.
/// </summary>
public abstract class VerdictStoreContract
{
    private static readonly DateTimeOffset TenPast10 = new(2026, 11, 29, 10, 10, 0, TimeSpan.Zero);
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(5);

    protected abstract IVerdictStore Store { get; }

    /// <summary>The verdict as the store keeps it, read past the port; null when there is none. Only for ids keys take as they are.</summary>
    protected abstract Task<VerdictRecord?> StoredAsync(string mailboxId, string messageId);

    [Fact]
    public async Task Contains_NothingSaved_IsFalse()
    {
        Assert.False(await Store.ContainsAsync(NewId("mailbox"), NewId("AAkAL"), CancellationToken.None));
    }

    [Fact]
    public async Task Save_ThenContains_IsTrue()
    {
        var verdict = Verdict();

        await Store.SaveAsync(verdict, CancellationToken.None);

        Assert.True(await Store.ContainsAsync(verdict.MailboxId, verdict.MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task Save_KeepsEveryField()
    {
        var verdict = Verdict();

        await Store.SaveAsync(verdict, CancellationToken.None);

        var stored = await StoredAsync(verdict.MailboxId, verdict.MessageId);
        Assert.NotNull(stored);
        Assert.Equal(verdict with { Rules = stored.Rules }, stored);
        Assert.Equal(["CredentialLure", "LookalikeLinkDomain"], stored.Rules);
    }

    [Fact]
    public async Task Save_NoMessageIdAndNoRules_KeepsThemEmpty()
    {
        var verdict = Verdict() with { InternetMessageId = null, Band = VerdictBand.Clean, Category = ThreatCategory.Clean, Score = 0, Rules = [] };

        await Store.SaveAsync(verdict, CancellationToken.None);

        var stored = await StoredAsync(verdict.MailboxId, verdict.MessageId);
        Assert.NotNull(stored);
        Assert.Null(stored.InternetMessageId);
        Assert.Empty(stored.Rules);
        Assert.Equal((VerdictBand.Clean, ThreatCategory.Clean, 0d), (stored.Band, stored.Category, stored.Score));
    }

    [Fact]
    public async Task Save_TimeWithAnOffset_KeepsTheInstantInUtc()
    {
        var verdict = Verdict() with { ScannedAt = new DateTimeOffset(2026, 11, 29, 12, 10, 0, TimeSpan.FromHours(2)) };

        await Store.SaveAsync(verdict, CancellationToken.None);

        var stored = await StoredAsync(verdict.MailboxId, verdict.MessageId);
        Assert.Equal(TenPast10, stored?.ScannedAt);
        Assert.Equal(TimeSpan.Zero, stored?.ScannedAt.Offset);
    }

    [Fact]
    public async Task Contains_SameMessageIdInAnotherMailbox_IsFalse()
    {
        var verdict = Verdict();
        await Store.SaveAsync(verdict, CancellationToken.None);

        Assert.False(await Store.ContainsAsync(NewId("mailbox"), verdict.MessageId, CancellationToken.None));
        Assert.False(await Store.ContainsAsync(verdict.MailboxId, NewId("AAkAL"), CancellationToken.None));
    }

    [Fact]
    public async Task Contains_IdsOfOtherCase_AreOtherMessages()
    {
        var verdict = Verdict();
        await Store.SaveAsync(verdict, CancellationToken.None);

        Assert.False(await Store.ContainsAsync(verdict.MailboxId, verdict.MessageId.ToUpperInvariant(), CancellationToken.None));
        Assert.False(await Store.ContainsAsync(verdict.MailboxId.ToUpperInvariant(), verdict.MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task Save_SameMessageTwice_KeepsTheLatest()
    {
        var verdict = Verdict();
        await Store.SaveAsync(verdict, CancellationToken.None);

        await Store.SaveAsync(verdict with { Band = VerdictBand.Suspicious, Score = 6.5, Rules = ["UrlShortener"], ScannedAt = TenPast10.AddMinutes(1) }, CancellationToken.None);

        var stored = await StoredAsync(verdict.MailboxId, verdict.MessageId);
        Assert.NotNull(stored);
        Assert.Equal((VerdictBand.Suspicious, 6.5, "UrlShortener", TenPast10.AddMinutes(1)), (stored.Band, stored.Score, string.Join(',', stored.Rules), stored.ScannedAt));
        Assert.True(await Store.ContainsAsync(verdict.MailboxId, verdict.MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task Save_RacingSavesOfOneMessage_AllSucceed()
    {
        var verdict = Verdict();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.SaveAsync(verdict with { ScannedAt = TenPast10.AddSeconds(i) }, CancellationToken.None))));

        Assert.True(await Store.ContainsAsync(verdict.MailboxId, verdict.MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task Save_IdsWithCharactersKeysRefuse_AreFoundExactly()
    {
        var verdict = Verdict() with { MailboxId = NewId("mailbox\\1#"), MessageId = NewId("AAkAL/x+y==?%\t") };

        await Store.SaveAsync(verdict, CancellationToken.None);

        Assert.True(await Store.ContainsAsync(verdict.MailboxId, verdict.MessageId, CancellationToken.None));
        Assert.False(await Store.ContainsAsync(verdict.MailboxId, verdict.MessageId.Replace("/", "%2F", StringComparison.Ordinal), CancellationToken.None));
        Assert.False(await Store.ContainsAsync(verdict.MailboxId.Replace("\\", "%5C", StringComparison.Ordinal), verdict.MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task Save_IdThatLooksEscaped_IsNotTheIdItLooksLike()
    {
        var mailboxId = NewId("mailbox");
        var messageId = NewId("AAkAL");

        await Store.SaveAsync(Verdict() with { MailboxId = mailboxId, MessageId = $"{messageId}%2F" }, CancellationToken.None);

        Assert.True(await Store.ContainsAsync(mailboxId, $"{messageId}%2F", CancellationToken.None));
        Assert.False(await Store.ContainsAsync(mailboxId, $"{messageId}/", CancellationToken.None));
    }

    [Fact]
    public async Task Contains_CanceledToken_Throws()
    {
        var verdict = Verdict();
        await Store.SaveAsync(verdict, CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ContainsAsync(verdict.MailboxId, verdict.MessageId, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task Save_CanceledToken_ThrowsAndSavesNothing()
    {
        var verdict = Verdict();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.SaveAsync(verdict, new CancellationToken(canceled: true)));

        Assert.False(await Store.ContainsAsync(verdict.MailboxId, verdict.MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task Claim_NothingThere_ClaimsWithoutAVerdict()
    {
        var (mailboxId, messageId) = (NewId("mailbox"), NewId("AAkAL"));

        Assert.Equal(ScanClaim.Taken, await Store.TryClaimAsync(mailboxId, messageId, "notification", TenPast10, ClaimTimeout, CancellationToken.None));

        Assert.False(await Store.ContainsAsync(mailboxId, messageId, CancellationToken.None));
    }

    [Fact]
    public async Task Claim_AnotherClaimantWithinTheTimeout_IsHeldByAnother()
    {
        var (mailboxId, messageId) = (NewId("mailbox"), NewId("AAkAL"));
        await Store.TryClaimAsync(mailboxId, messageId, "notification", TenPast10, ClaimTimeout, CancellationToken.None);

        Assert.Equal(ScanClaim.HeldByAnother, await Store.TryClaimAsync(mailboxId, messageId, "resync", TenPast10 + ClaimTimeout, ClaimTimeout, CancellationToken.None));
    }

    [Fact]
    public async Task Claim_SameClaimantAgain_TakesItAgain()
    {
        var (mailboxId, messageId) = (NewId("mailbox"), NewId("AAkAL"));
        await Store.TryClaimAsync(mailboxId, messageId, "notification", TenPast10, ClaimTimeout, CancellationToken.None);

        Assert.Equal(ScanClaim.Taken, await Store.TryClaimAsync(mailboxId, messageId, "notification", TenPast10.AddSeconds(5), ClaimTimeout, CancellationToken.None));
        Assert.Equal(ScanClaim.HeldByAnother, await Store.TryClaimAsync(mailboxId, messageId, "resync", TenPast10.AddSeconds(6), ClaimTimeout, CancellationToken.None));
    }

    [Fact]
    public async Task Claim_OlderThanTheTimeout_IsTakenOverAndThenHeld()
    {
        var (mailboxId, messageId) = (NewId("mailbox"), NewId("AAkAL"));
        await Store.TryClaimAsync(mailboxId, messageId, "died", TenPast10, ClaimTimeout, CancellationToken.None);
        var later = TenPast10 + ClaimTimeout + TimeSpan.FromSeconds(1);

        Assert.Equal(ScanClaim.Taken, await Store.TryClaimAsync(mailboxId, messageId, "retry", later, ClaimTimeout, CancellationToken.None));
        Assert.Equal(ScanClaim.HeldByAnother, await Store.TryClaimAsync(mailboxId, messageId, "died", later, ClaimTimeout, CancellationToken.None));
    }

    [Fact]
    public async Task Claim_MessageWithAVerdict_IsRefusedToEveryone()
    {
        var verdict = Verdict();
        await Store.TryClaimAsync(verdict.MailboxId, verdict.MessageId, "notification", TenPast10, ClaimTimeout, CancellationToken.None);
        await Store.SaveAsync(verdict, CancellationToken.None);

        Assert.True(await Store.ContainsAsync(verdict.MailboxId, verdict.MessageId, CancellationToken.None));
        Assert.Equal(ScanClaim.Scanned, await Store.TryClaimAsync(verdict.MailboxId, verdict.MessageId, "notification", TenPast10, ClaimTimeout, CancellationToken.None));
        Assert.Equal(ScanClaim.Scanned, await Store.TryClaimAsync(verdict.MailboxId, verdict.MessageId, "resync", TenPast10.AddDays(1), ClaimTimeout, CancellationToken.None));
    }

    [Fact]
    public async Task Release_LetsTheNextClaimantScan()
    {
        var (mailboxId, messageId) = (NewId("mailbox"), NewId("AAkAL"));
        await Store.TryClaimAsync(mailboxId, messageId, "notification", TenPast10, ClaimTimeout, CancellationToken.None);

        await Store.ReleaseAsync(mailboxId, messageId, CancellationToken.None);

        Assert.Equal(ScanClaim.Taken, await Store.TryClaimAsync(mailboxId, messageId, "resync", TenPast10.AddSeconds(1), ClaimTimeout, CancellationToken.None));
    }

    [Fact]
    public async Task Release_AfterTheVerdict_KeepsIt()
    {
        var verdict = Verdict();
        await Store.SaveAsync(verdict, CancellationToken.None);

        await Store.ReleaseAsync(verdict.MailboxId, verdict.MessageId, CancellationToken.None);
        await Store.ReleaseAsync(NewId("mailbox"), NewId("AAkAL"), CancellationToken.None);

        Assert.True(await Store.ContainsAsync(verdict.MailboxId, verdict.MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task Claim_RacingClaimants_OneWins()
    {
        var (mailboxId, messageId) = (NewId("mailbox"), NewId("AAkAL"));

        var won = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.TryClaimAsync(mailboxId, messageId, $"request-{i}", TenPast10, ClaimTimeout, CancellationToken.None))));

        Assert.Single(won, claim => claim == ScanClaim.Taken);
        Assert.All(won.Where(claim => claim != ScanClaim.Taken), claim => Assert.Equal(ScanClaim.HeldByAnother, claim));
    }

    [Fact]
    public async Task Claim_RacingTakeoversOfAStaleClaim_OneWins()
    {
        var (mailboxId, messageId) = (NewId("mailbox"), NewId("AAkAL"));
        await Store.TryClaimAsync(mailboxId, messageId, "died", TenPast10, ClaimTimeout, CancellationToken.None);
        var later = TenPast10 + ClaimTimeout + TimeSpan.FromSeconds(1);

        var won = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.TryClaimAsync(mailboxId, messageId, $"request-{i}", later, ClaimTimeout, CancellationToken.None))));

        Assert.Single(won, claim => claim == ScanClaim.Taken);
        Assert.All(won.Where(claim => claim != ScanClaim.Taken), claim => Assert.Equal(ScanClaim.HeldByAnother, claim));
    }

    private static VerdictRecord Verdict() => new(
        NewId("mailbox"), NewId("AAkAL"), "<lure-1@login-verify.example>", VerdictBand.Malicious, ThreatCategory.Phishing, 18.5,
        ["CredentialLure", "LookalikeLinkDomain"], TenPast10);

    private static string NewId(string prefix) => $"{prefix}{Guid.NewGuid():N}";
}
