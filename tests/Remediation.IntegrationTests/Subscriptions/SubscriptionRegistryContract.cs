using Remediation.Core.Subscriptions;

namespace Remediation.IntegrationTests.Subscriptions;

/// <summary>
/// What every subscription registry promises, whichever store keeps it: run against the in-memory twin and Table
/// storage. The webhook and the subscription stage decide on these answers, so the twin may stand in for the table in
/// their tests only while both pass here.
/// </summary>
public abstract class SubscriptionRegistryContract
{
    private static readonly DateTimeOffset Tomorrow = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    protected abstract ISubscriptionRegistry Registry { get; }

    [Fact]
    public async Task FindByMailbox_AfterSave_ReturnsTheSubscription()
    {
        var saved = new MailboxSubscription(NewId("mailbox"), NewId("sub"), Tomorrow);

        await Registry.SaveAsync(saved, CancellationToken.None);

        Assert.Equal(saved, await Registry.FindByMailboxAsync(saved.MailboxId, CancellationToken.None));
    }

    [Fact]
    public async Task FindBySubscription_AfterSave_ReturnsTheSubscription()
    {
        var saved = new MailboxSubscription(NewId("mailbox"), NewId("sub"), Tomorrow);

        await Registry.SaveAsync(saved, CancellationToken.None);

        Assert.Equal(saved, await Registry.FindBySubscriptionAsync(saved.SubscriptionId, CancellationToken.None));
    }

    [Fact]
    public async Task Find_UnknownIds_ReturnNull()
    {
        var mailbox = await Registry.FindByMailboxAsync(NewId("mailbox"), CancellationToken.None);
        var subscription = await Registry.FindBySubscriptionAsync(NewId("sub"), CancellationToken.None);

        Assert.Null(mailbox);
        Assert.Null(subscription);
    }

    [Fact]
    public async Task Find_IdsInOtherCasing_FindNothing()
    {
        var saved = new MailboxSubscription(NewId("Mailbox"), NewId("Sub"), Tomorrow);
        await Registry.SaveAsync(saved, CancellationToken.None);

        var mailbox = await Registry.FindByMailboxAsync(saved.MailboxId.ToUpperInvariant(), CancellationToken.None);
        var subscription = await Registry.FindBySubscriptionAsync(saved.SubscriptionId.ToLowerInvariant(), CancellationToken.None);

        Assert.Null(mailbox);
        Assert.Null(subscription);
    }

    [Fact]
    public async Task Save_NewSubscriptionOfTheMailbox_ReplacesTheEarlierOne()
    {
        var mailbox = NewId("mailbox");
        await Registry.SaveAsync(new MailboxSubscription(mailbox, NewId("old"), Tomorrow), CancellationToken.None);
        var current = new MailboxSubscription(mailbox, NewId("new"), Tomorrow.AddDays(2));

        await Registry.SaveAsync(current, CancellationToken.None);

        Assert.Equal(current, await Registry.FindByMailboxAsync(mailbox, CancellationToken.None));
        Assert.Equal(current, await Registry.FindBySubscriptionAsync(current.SubscriptionId, CancellationToken.None));
    }

    [Fact]
    public async Task FindBySubscription_ReplacedSubscription_StillNamesItsMailbox()
    {
        var earlier = new MailboxSubscription(NewId("mailbox"), NewId("old"), Tomorrow);
        await Registry.SaveAsync(earlier, CancellationToken.None);
        await Registry.SaveAsync(earlier with { SubscriptionId = NewId("new") }, CancellationToken.None);

        var found = await Registry.FindBySubscriptionAsync(earlier.SubscriptionId, CancellationToken.None);

        // The old row lingers: whoever asks must compare it with the mailbox's current subscription.
        Assert.Equal(earlier, found);
    }

    [Fact]
    public async Task Save_SameSubscriptionAgain_UpdatesItsExpiryBothWays()
    {
        var first = new MailboxSubscription(NewId("mailbox"), NewId("sub"), Tomorrow);
        await Registry.SaveAsync(first, CancellationToken.None);
        var renewed = first with { ExpiresAt = Tomorrow.AddDays(3) };

        await Registry.SaveAsync(renewed, CancellationToken.None);

        Assert.Equal(renewed, await Registry.FindByMailboxAsync(first.MailboxId, CancellationToken.None));
        Assert.Equal(renewed, await Registry.FindBySubscriptionAsync(first.SubscriptionId, CancellationToken.None));
    }

    [Fact]
    public async Task Save_ExpiryWithAnOffset_ComesBackAsTheSameInstantInUtc()
    {
        var expiresAt = new DateTimeOffset(2026, 12, 1, 12, 30, 15, TimeSpan.FromHours(2));
        var saved = new MailboxSubscription(NewId("mailbox"), NewId("sub"), expiresAt);
        await Registry.SaveAsync(saved, CancellationToken.None);

        var found = await Registry.FindByMailboxAsync(saved.MailboxId, CancellationToken.None);

        Assert.Equal(expiresAt.UtcDateTime, found!.ExpiresAt.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, found.ExpiresAt.Offset);
    }

    [Theory]
    [InlineData("alice/bob")]
    [InlineData("alice%2Fbob")]
    [InlineData(@"alice\bob")]
    [InlineData("alice#bob?x")]
    public async Task Find_IdsHoldingCharactersTableKeysRefuse_RoundTripApart(string shape)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var saved = new MailboxSubscription(shape + suffix, "sub/" + shape + suffix, Tomorrow);
        var lookalike = new MailboxSubscription("alice_bob" + suffix, "sub/alice_bob" + suffix, Tomorrow);
        await Registry.SaveAsync(lookalike, CancellationToken.None);
        await Registry.SaveAsync(saved, CancellationToken.None);

        var byMailbox = await Registry.FindByMailboxAsync(saved.MailboxId, CancellationToken.None);
        var bySubscription = await Registry.FindBySubscriptionAsync(saved.SubscriptionId, CancellationToken.None);

        Assert.Equal(saved, byMailbox);
        Assert.Equal(saved, bySubscription);
        Assert.Equal(lookalike, await Registry.FindByMailboxAsync(lookalike.MailboxId, CancellationToken.None));
    }

    [Fact]
    public async Task List_AfterSavesAndAReplacement_HoldsEachMailboxsCurrentSubscriptionOnce()
    {
        var first = new MailboxSubscription(NewId("mailbox"), NewId("sub"), Tomorrow);
        var second = new MailboxSubscription(NewId("mailbox"), NewId("sub"), Tomorrow);
        var replacement = first with { SubscriptionId = NewId("sub") };
        await Registry.SaveAsync(first, CancellationToken.None);
        await Registry.SaveAsync(second, CancellationToken.None);
        await Registry.SaveAsync(replacement, CancellationToken.None);

        List<MailboxSubscription> listed = [];
        await foreach (var subscription in Registry.ListAsync(CancellationToken.None)) listed.Add(subscription);

        // Other tests may share the store: only this test's mailboxes are compared.
        var mine = listed.Where(s => s.MailboxId == first.MailboxId || s.MailboxId == second.MailboxId).OrderBy(s => s.MailboxId, StringComparer.Ordinal);
        Assert.Equal(new[] { replacement, second }.OrderBy(s => s.MailboxId, StringComparer.Ordinal), mine);
    }

    [Fact]
    public async Task GetDeltaLink_BeforeTheFirstSave_IsNull()
    {
        Assert.Null(await Registry.GetDeltaLinkAsync(NewId("mailbox"), "inbox-id", CancellationToken.None));
    }

    [Fact]
    public async Task GetDeltaLink_EachFolderOfEachMailbox_IsKeptApart()
    {
        var (mailbox, other) = (NewId("mailbox"), NewId("mailbox"));
        await Registry.SaveDeltaLinkAsync(mailbox, "inbox-id", "link-inbox", CancellationToken.None);
        await Registry.SaveDeltaLinkAsync(mailbox, "archive/2026", "link-archive", CancellationToken.None);
        await Registry.SaveDeltaLinkAsync(other, "inbox-id", "link-other", CancellationToken.None);

        var links = new[]
        {
            await Registry.GetDeltaLinkAsync(mailbox, "inbox-id", CancellationToken.None),
            await Registry.GetDeltaLinkAsync(mailbox, "archive/2026", CancellationToken.None),
            await Registry.GetDeltaLinkAsync(other, "inbox-id", CancellationToken.None),
            await Registry.GetDeltaLinkAsync(mailbox, "INBOX-ID", CancellationToken.None),
            await Registry.GetDeltaLinkAsync(other, "archive/2026", CancellationToken.None),
        };

        Assert.Equal<IEnumerable<string?>>(["link-inbox", "link-archive", "link-other", null, null], links);
    }

    [Fact]
    public async Task SaveDeltaLink_Again_ReplacesTheLink()
    {
        var mailbox = NewId("mailbox");
        await Registry.SaveDeltaLinkAsync(mailbox, "inbox-id", "link-1", CancellationToken.None);

        await Registry.SaveDeltaLinkAsync(mailbox, "inbox-id", "link-2", CancellationToken.None);

        Assert.Equal("link-2", await Registry.GetDeltaLinkAsync(mailbox, "inbox-id", CancellationToken.None));
    }

    [Fact]
    public async Task SaveDeltaLink_Null_ForgetsWhereTheFolderStopped()
    {
        var mailbox = NewId("mailbox");
        await Registry.SaveDeltaLinkAsync(mailbox, "inbox-id", "link-1", CancellationToken.None);

        await Registry.SaveDeltaLinkAsync(mailbox, "inbox-id", null, CancellationToken.None);

        Assert.Null(await Registry.GetDeltaLinkAsync(mailbox, "inbox-id", CancellationToken.None));
    }

    [Fact]
    public async Task Calls_WithACancelledToken_ThrowAndSaveNothing()
    {
        var saved = new MailboxSubscription(NewId("mailbox"), NewId("sub"), Tomorrow);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Registry.SaveAsync(saved, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Registry.FindByMailboxAsync(saved.MailboxId, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Registry.SaveDeltaLinkAsync(saved.MailboxId, "inbox-id", "link", cancelled.Token));

        Assert.Null(await Registry.FindBySubscriptionAsync(saved.SubscriptionId, CancellationToken.None));
        Assert.Null(await Registry.GetDeltaLinkAsync(saved.MailboxId, "inbox-id", CancellationToken.None));
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
