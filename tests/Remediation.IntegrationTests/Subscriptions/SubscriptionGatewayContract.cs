using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Mailboxes;
using Remediation.Core.Subscriptions;

namespace Remediation.IntegrationTests.Subscriptions;

/// <summary>
/// What every subscription gateway promises, whichever Graph is behind it: run against the in-memory twin and the
/// Graph gateway on the tenant simulator. Each side arranges its tenant through the abstract members, and both sides
/// read one clock the tests move.
/// </summary>
public abstract partial class SubscriptionGatewayContract
{
    protected const string Domain = "contoso.example";

    /// <summary>What Graph answers for a folder id it never handed out.</summary>
    private const string UnknownFolderId = "AAMkAGZvbGRlci10aGF0LWlzLW5vdC10aGVyZQAuAAAAAA==";

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    protected abstract ISubscriptionGateway Gateway { get; }

    /// <summary>A notification endpoint that passes Graph's validation handshake.</summary>
    protected abstract string NotificationUrl { get; }

    /// <summary>A lifecycle endpoint that passes Graph's validation handshake.</summary>
    protected abstract string LifecycleNotificationUrl { get; }

    /// <returns>The user id.</returns>
    protected abstract string AddMailbox(bool reachable = true);

    /// <returns>The id of a folder a user made under <paramref name="parentFolderId"/>, or at the top of the tree when null.</returns>
    protected abstract Task<string> AddFolderAsync(string mailboxId, string displayName, string? parentFolderId = null, bool hidden = false);

    protected abstract string FolderId(string mailboxId, string wellKnownName);

    /// <returns>The message's id as the gateway knows it.</returns>
    protected abstract string AddMessage(string mailboxId, string folderId, DateTimeOffset receivedAt);

    /// <summary>The subscription as Graph holds it, or null when it has expired or is gone.</summary>
    protected abstract GraphSubscription? FindLiveSubscription(string subscriptionId);

    /// <summary>Ends the subscription in Graph, as a delete or Graph's own removal does.</summary>
    protected abstract Task RemoveSubscriptionAsync(string subscriptionId);

    [Fact]
    public async Task ListMailboxes_UsersWithAndWithoutAReachableMailbox_ListsEveryUserOnce()
    {
        var adele = AddMailbox();
        var guest = AddMailbox(reachable: false);
        var bob = AddMailbox();

        var listed = await ToListAsync(Gateway.ListMailboxesAsync(CancellationToken.None));

        Assert.Equal(new[] { adele, guest, bob }.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListMailboxes_MoreUsersThanOnePage_ListsEveryUserOnce()
    {
        var users = Enumerable.Range(0, 1001).Select(_ => AddMailbox()).ToList();

        var listed = await ToListAsync(Gateway.ListMailboxesAsync(CancellationToken.None));

        Assert.Equal(users.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_ReachableMailbox_GraphHoldsItWithTheRequestedExpiryUrlsAndClientState()
    {
        var mailbox = AddMailbox();
        var expiresAt = Clock.GetUtcNow() + TimeSpan.FromDays(3);

        var created = await Gateway.CreateAsync(mailbox, Request(expiresAt, "state-1"), CancellationToken.None);

        Assert.Equal(mailbox, created.MailboxId);
        Assert.Equal(expiresAt, created.ExpiresAt);
        Assert.Equal(new GraphSubscription(created.SubscriptionId, mailbox, NotificationUrl, LifecycleNotificationUrl, "state-1", expiresAt),
            FindLiveSubscription(created.SubscriptionId));
    }

    [Fact]
    public async Task Create_TwiceForOneMailbox_GivesTwoSubscriptions()
    {
        var mailbox = AddMailbox();

        var first = await Gateway.CreateAsync(mailbox, Request(Clock.GetUtcNow() + TimeSpan.FromDays(1)), CancellationToken.None);
        var second = await Gateway.CreateAsync(mailbox, Request(Clock.GetUtcNow() + TimeSpan.FromDays(1)), CancellationToken.None);

        Assert.NotEqual(first.SubscriptionId, second.SubscriptionId);
        Assert.NotNull(FindLiveSubscription(first.SubscriptionId));
        Assert.NotNull(FindLiveSubscription(second.SubscriptionId));
    }

    [Fact]
    public async Task Create_UserWithoutAReachableMailbox_ThrowsMailboxUnavailable()
    {
        var guest = AddMailbox(reachable: false);

        var error = await Assert.ThrowsAsync<MailboxUnavailableException>(() =>
            Gateway.CreateAsync(guest, Request(Clock.GetUtcNow() + TimeSpan.FromDays(1)), CancellationToken.None));

        Assert.Equal("MailboxNotEnabledForRESTAPI", error.Reason);
    }

    [Fact]
    public async Task Create_UnknownUser_FailsAndNotAsAnUnreachableMailbox()
    {
        var error = await Record.ExceptionAsync(() =>
            Gateway.CreateAsync(Guid.NewGuid().ToString(), Request(Clock.GetUtcNow() + TimeSpan.FromDays(1)), CancellationToken.None));

        Assert.NotNull(error);
        Assert.IsNotType<MailboxUnavailableException>(error);
    }

    [Fact]
    public async Task Create_ExpiryBeyondTheLongestLifetime_FailsAndNotAsAnUnreachableMailbox()
    {
        var mailbox = AddMailbox();

        var error = await Record.ExceptionAsync(() =>
            Gateway.CreateAsync(mailbox, Request(Clock.GetUtcNow() + TimeSpan.FromMinutes(10071)), CancellationToken.None));

        Assert.NotNull(error);
        Assert.IsNotType<MailboxUnavailableException>(error);
    }

    [Fact]
    public async Task Create_ExpiryOfTheLongestLifetime_IsAccepted()
    {
        var mailbox = AddMailbox();
        var expiresAt = Clock.GetUtcNow() + TimeSpan.FromMinutes(10070);

        var created = await Gateway.CreateAsync(mailbox, Request(expiresAt), CancellationToken.None);

        Assert.Equal(expiresAt, FindLiveSubscription(created.SubscriptionId)?.ExpiresAt);
    }

    [Fact]
    public async Task Renew_LiveSubscription_ReturnsTheNewExpiryAndGraphHoldsIt()
    {
        var created = await CreateAsync();
        Clock.Advance(TimeSpan.FromHours(20));
        var renewedTo = Clock.GetUtcNow() + TimeSpan.FromMinutes(10000);

        var renewed = await Gateway.RenewAsync(created.SubscriptionId, renewedTo, CancellationToken.None);

        Assert.Equal(renewedTo, renewed);
        Assert.Equal(renewedTo, FindLiveSubscription(created.SubscriptionId)?.ExpiresAt);
    }

    [Fact]
    public async Task Renew_ExpiryBeyondTheLongestLifetime_FailsAndLeavesTheExpiry()
    {
        var created = await CreateAsync();

        var error = await Record.ExceptionAsync(() =>
            Gateway.RenewAsync(created.SubscriptionId, Clock.GetUtcNow() + TimeSpan.FromMinutes(10071), CancellationToken.None));

        Assert.NotNull(error);
        Assert.Equal(created.ExpiresAt, FindLiveSubscription(created.SubscriptionId)?.ExpiresAt);
    }

    [Fact]
    public async Task Renew_UnknownSubscription_ReturnsNull()
    {
        Assert.Null(await Gateway.RenewAsync(Guid.NewGuid().ToString(), Clock.GetUtcNow() + TimeSpan.FromDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task Renew_RemovedSubscription_ReturnsNull()
    {
        var created = await CreateAsync();
        await RemoveSubscriptionAsync(created.SubscriptionId);

        Assert.Null(await Gateway.RenewAsync(created.SubscriptionId, Clock.GetUtcNow() + TimeSpan.FromDays(1), CancellationToken.None));
        Assert.Null(FindLiveSubscription(created.SubscriptionId));
    }

    [Fact]
    public async Task Renew_ExpiredSubscription_ReturnsNull()
    {
        var created = await CreateAsync(TimeSpan.FromHours(1));
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(await Gateway.RenewAsync(created.SubscriptionId, Clock.GetUtcNow() + TimeSpan.FromDays(1), CancellationToken.None));
        Assert.Null(FindLiveSubscription(created.SubscriptionId));
    }

    [Fact]
    public async Task Reauthorize_LiveSubscription_ReturnsTrueAndKeepsIt()
    {
        var created = await CreateAsync();

        Assert.True(await Gateway.ReauthorizeAsync(created.SubscriptionId, CancellationToken.None));

        Assert.Equal(created.ExpiresAt, FindLiveSubscription(created.SubscriptionId)?.ExpiresAt);
    }

    [Fact]
    public async Task Reauthorize_UnknownRemovedOrExpiredSubscription_ReturnsFalse()
    {
        var removed = await CreateAsync();
        await RemoveSubscriptionAsync(removed.SubscriptionId);
        var expired = await CreateAsync(TimeSpan.FromMinutes(30));
        Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.False(await Gateway.ReauthorizeAsync(Guid.NewGuid().ToString(), CancellationToken.None));
        Assert.False(await Gateway.ReauthorizeAsync(removed.SubscriptionId, CancellationToken.None));
        Assert.False(await Gateway.ReauthorizeAsync(expired.SubscriptionId, CancellationToken.None));
    }

    [Fact]
    public async Task ListFolders_NewMailbox_ListsTheStandardFoldersAtTheTopButNotRecoverableItems()
    {
        var mailbox = AddMailbox();

        var folders = await ToListAsync(Gateway.ListFoldersAsync(mailbox, CancellationToken.None));

        Assert.Equal(
            new[] { "Archive", "Deleted Items", "Drafts", "Inbox", "Junk Email", "Outbox", "Sent Items" },
            folders.Select(f => f.DisplayName).Order(StringComparer.Ordinal));
        Assert.All(folders, f => Assert.Equal(0, f.Depth));
        Assert.Contains(folders, f => f.Id == FolderId(mailbox, WellKnownFolders.Inbox) && f.DisplayName == "Inbox");
    }

    [Fact]
    public async Task ListFolders_NestedFolders_ListsEachOnceAfterItsParentWithItsDepth()
    {
        var mailbox = AddMailbox();
        var projects = await AddFolderAsync(mailbox, "Projects");
        var year = await AddFolderAsync(mailbox, "2026", projects);
        var quarter = await AddFolderAsync(mailbox, "Q4", year);
        var clients = await AddFolderAsync(mailbox, "Clients");
        var acme = await AddFolderAsync(mailbox, "Acme", clients);
        var inboxChild = await AddFolderAsync(mailbox, "Receipts", FolderId(mailbox, WellKnownFolders.Inbox));

        var folders = await ToListAsync(Gateway.ListFoldersAsync(mailbox, CancellationToken.None));

        var position = folders.Select((f, i) => (f.Id, i)).ToDictionary(p => p.Id, p => p.i);
        Assert.Equal(folders.Count, position.Count);
        Assert.Equal(13, folders.Count);
        var made = folders.Where(f => f.Id is var id && new[] { projects, year, quarter, clients, acme, inboxChild }.Contains(id))
            .Select(f => (f.Id, f.DisplayName, f.Depth)).OrderBy(f => f.Id, StringComparer.Ordinal);
        Assert.Equal(
            new[] { (projects, "Projects", 0), (year, "2026", 1), (quarter, "Q4", 2), (clients, "Clients", 0), (acme, "Acme", 1), (inboxChild, "Receipts", 1) }
                .OrderBy(f => f.Item1, StringComparer.Ordinal),
            made);
        Assert.True(position[projects] < position[year] && position[year] < position[quarter], "Projects, then 2026, then Q4");
        Assert.True(position[clients] < position[acme], "Clients before Acme");
        Assert.True(position[FolderId(mailbox, WellKnownFolders.Inbox)] < position[inboxChild], "Inbox before Receipts");
    }

    [Fact]
    public async Task ListFolders_MoreChildrenThanOnePage_ListsEveryChild()
    {
        var mailbox = AddMailbox();
        var archive = await AddFolderAsync(mailbox, "By customer");
        var children = new List<string>();
        for (var i = 0; i < 105; i++) children.Add(await AddFolderAsync(mailbox, $"Customer {i:D3}", archive));

        var folders = await ToListAsync(Gateway.ListFoldersAsync(mailbox, CancellationToken.None));

        Assert.Equal(children.Order(StringComparer.Ordinal), folders.Where(f => f.Depth == 1).Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListFolders_HiddenFolder_IsNotListedNorAnythingUnderIt()
    {
        var mailbox = AddMailbox();
        var hidden = await AddFolderAsync(mailbox, "Quarantine (security)", hidden: true);
        var underHidden = await AddFolderAsync(mailbox, "Held", hidden);

        var folders = await ToListAsync(Gateway.ListFoldersAsync(mailbox, CancellationToken.None));

        Assert.Equal(7, folders.Count);
        Assert.DoesNotContain(folders, f => f.Id == hidden || f.Id == underHidden);
    }

    [Fact]
    public async Task ListFolders_UserWithoutAReachableMailbox_Throws()
    {
        var guest = AddMailbox(reachable: false);

        await Assert.ThrowsAnyAsync<Exception>(() => ToListAsync(Gateway.ListFoldersAsync(guest, CancellationToken.None)));
    }

    [Fact]
    public async Task ReadFolderChanges_FirstRead_ReturnsTheMessagesReceivedSinceTheBound()
    {
        var mailbox = AddMailbox();
        var inbox = FolderId(mailbox, WellKnownFolders.Inbox);
        var now = Clock.GetUtcNow();
        AddMessage(mailbox, inbox, now - TimeSpan.FromDays(3));
        var atTheBound = AddMessage(mailbox, inbox, now - TimeSpan.FromDays(2));
        var recent = AddMessage(mailbox, inbox, now - TimeSpan.FromHours(1));
        AddMessage(mailbox, FolderId(mailbox, WellKnownFolders.JunkEmail), now);

        var changes = await Gateway.ReadFolderChangesAsync(mailbox, inbox, null, now - TimeSpan.FromDays(2), CancellationToken.None);

        Assert.NotNull(changes);
        Assert.Equal(new[] { atTheBound, recent }.Order(StringComparer.Ordinal), changes.AddedOrChanged.Order(StringComparer.Ordinal));
        Assert.False(string.IsNullOrEmpty(changes.DeltaLink));
    }

    [Fact]
    public async Task ReadFolderChanges_BoundWithinASecond_IsStatedToTheSecond()
    {
        var mailbox = AddMailbox();
        var inbox = FolderId(mailbox, WellKnownFolders.Inbox);
        var second = Clock.GetUtcNow() - TimeSpan.FromDays(1);
        var sameSecond = AddMessage(mailbox, inbox, second + TimeSpan.FromMilliseconds(100));

        var changes = await Gateway.ReadFolderChangesAsync(mailbox, inbox, null, second + TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.Equal([sameSecond], changes?.AddedOrChanged);
    }

    [Fact]
    public async Task ReadFolderChanges_FromTheDeltaLink_ReturnsOnlyWhatArrivedSinceAndKeepsTheBound()
    {
        var mailbox = AddMailbox();
        var projects = await AddFolderAsync(mailbox, "Projects");
        var now = Clock.GetUtcNow();
        AddMessage(mailbox, projects, now - TimeSpan.FromHours(2));
        var first = await Gateway.ReadFolderChangesAsync(mailbox, projects, null, now - TimeSpan.FromDays(1), CancellationToken.None);
        var arrived = AddMessage(mailbox, projects, now - TimeSpan.FromMinutes(5));
        AddMessage(mailbox, projects, now - TimeSpan.FromDays(2));

        var second = await Gateway.ReadFolderChangesAsync(mailbox, projects, first!.DeltaLink, now - TimeSpan.FromDays(30), CancellationToken.None);
        var third = await Gateway.ReadFolderChangesAsync(mailbox, projects, second!.DeltaLink, now - TimeSpan.FromDays(30), CancellationToken.None);

        Assert.Equal([arrived], second.AddedOrChanged);
        Assert.Empty(third!.AddedOrChanged);
    }

    [Fact]
    public async Task ReadFolderChanges_SameDeltaLinkTwice_AnswersTheSameChanges()
    {
        var mailbox = AddMailbox();
        var inbox = FolderId(mailbox, WellKnownFolders.Inbox);
        var first = await Gateway.ReadFolderChangesAsync(mailbox, inbox, null, Clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None);
        var arrived = AddMessage(mailbox, inbox, Clock.GetUtcNow());

        var once = await Gateway.ReadFolderChangesAsync(mailbox, inbox, first!.DeltaLink, Clock.GetUtcNow(), CancellationToken.None);
        var again = await Gateway.ReadFolderChangesAsync(mailbox, inbox, first.DeltaLink, Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal([arrived], once?.AddedOrChanged);
        Assert.Equal([arrived], again?.AddedOrChanged);
    }

    [Fact]
    public async Task ReadFolderChanges_MoreMessagesThanOnePage_ReturnsEveryMessageInOneRead()
    {
        var mailbox = AddMailbox();
        var inbox = FolderId(mailbox, WellKnownFolders.Inbox);
        var messages = Enumerable.Range(1, 25).Select(i => AddMessage(mailbox, inbox, Clock.GetUtcNow() - TimeSpan.FromMinutes(i))).ToList();

        var changes = await Gateway.ReadFolderChangesAsync(mailbox, inbox, null, Clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Equal(messages.Order(StringComparer.Ordinal), changes?.AddedOrChanged.Order(StringComparer.Ordinal));
    }

    // Graph's filtered delta returns at most 5,000 messages, so a folder flooded past that in the window (an appender
    // filling a stolen mailbox, a busy shared inbox) is read whole all the same.
    [Fact]
    public async Task ReadFolderChanges_MoreMessagesInTheWindowThanAFilteredDeltaReturns_ReturnsEveryMessage()
    {
        var mailbox = AddMailbox();
        var inbox = FolderId(mailbox, WellKnownFolders.Inbox);
        var now = Clock.GetUtcNow();
        var messages = Enumerable.Range(0, 5_001).Select(i => AddMessage(mailbox, inbox, now - TimeSpan.FromSeconds(i))).ToList();
        AddMessage(mailbox, inbox, now - TimeSpan.FromDays(3));

        var changes = await Gateway.ReadFolderChangesAsync(mailbox, inbox, null, now - TimeSpan.FromDays(2), CancellationToken.None);

        Assert.Equal(messages.Order(StringComparer.Ordinal), changes?.AddedOrChanged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadFolderChanges_HiddenFolder_IsReadLikeAnyOther()
    {
        var mailbox = AddMailbox();
        var hidden = await AddFolderAsync(mailbox, "Quarantine (security)", hidden: true);
        var held = AddMessage(mailbox, hidden, Clock.GetUtcNow());

        var changes = await Gateway.ReadFolderChangesAsync(mailbox, hidden, null, Clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Equal([held], changes?.AddedOrChanged);
    }

    [Fact]
    public async Task ReadFolderChanges_UnknownFolderOrOneOfAnotherMailbox_ReturnsNull()
    {
        var mailbox = AddMailbox();
        var elsewhere = FolderId(AddMailbox(), WellKnownFolders.Inbox);

        Assert.Null(await Gateway.ReadFolderChangesAsync(mailbox, UnknownFolderId, null, Clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None));
        Assert.Null(await Gateway.ReadFolderChangesAsync(mailbox, elsewhere, null, Clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task ReadFolderChanges_DeltaLinkGraphNoLongerKnows_ThrowsSyncStateLost()
    {
        var mailbox = AddMailbox();
        var inbox = FolderId(mailbox, WellKnownFolders.Inbox);
        var first = await Gateway.ReadFolderChangesAsync(mailbox, inbox, null, Clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None);
        var forgotten = DeltaToken().Replace(first!.DeltaLink, $"${{key}}{Guid.NewGuid():N}");
        Assert.NotEqual(first.DeltaLink, forgotten);

        await Assert.ThrowsAsync<SyncStateLostException>(() =>
            Gateway.ReadFolderChangesAsync(mailbox, inbox, forgotten, Clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task ReadFolderChanges_UserWithoutAReachableMailbox_ThrowsNeitherGoneNorSyncStateLost()
    {
        var guest = AddMailbox(reachable: false);

        var error = await Record.ExceptionAsync(() =>
            Gateway.ReadFolderChangesAsync(guest, UnknownFolderId, null, Clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None));

        Assert.NotNull(error);
        Assert.IsNotType<SyncStateLostException>(error);
    }

    private SubscriptionRequest Request(DateTimeOffset expiresAt, string clientState = "contract-state") =>
        new(NotificationUrl, LifecycleNotificationUrl, clientState, expiresAt);

    private Task<MailboxSubscription> CreateAsync(TimeSpan? lifetime = null) =>
        Gateway.CreateAsync(AddMailbox(), Request(Clock.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(1))), CancellationToken.None);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    [GeneratedRegex(@"(?<key>deltatoken=)[^&]+")]
    private static partial Regex DeltaToken();
}
