using System.Runtime.CompilerServices;
using Remediation.Core.Mailboxes;

namespace Remediation.Core.Subscriptions;

/// <summary>
/// Graph's subscription and directory APIs for one process: the twin of the Graph gateway for tests of a stage's
/// decisions. It answers as the Graph gateway does: every user is listed, reachable mailbox or not; a subscription
/// lives until its expiry or until Graph removes it, and one Graph no longer knows renews to null and reauthorizes to
/// false; folders come level by level in the order the gateway walks them, hidden ones and Recoverable Items left out;
/// a first delta read is bounded by the arrival time (to the second, as the gateway's filter states it), later reads
/// return what arrived since, a folder that is gone reads as null and a delta link Graph does not know throws
/// <see cref="SyncStateLostException"/>. Refusals Graph answers with an error (a user it does not know, an expiry
/// outside the allowed lifetime, a mailbox store request for a user without a reachable mailbox) throw.
/// </summary>
public sealed class InMemorySubscriptionGateway(TimeProvider? clock = null) : ISubscriptionGateway
{
    /// <summary>The longest lifetime Graph gives a subscription to messages, as the simulator grants it: 10,070 minutes.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10070);

    private const int MaxClientStateLength = 128;
    private const string DeltaToken = "$deltatoken=";

    // The folders every mailbox starts with, in the order Graph lists them; Recoverable Items is never listed.
    private static readonly (string WellKnownName, string DisplayName)[] Standard =
    [
        (WellKnownFolders.Inbox, "Inbox"),
        (WellKnownFolders.JunkEmail, "Junk Email"),
        (WellKnownFolders.DeletedItems, "Deleted Items"),
        ("archive", "Archive"),
        (WellKnownFolders.Drafts, "Drafts"),
        (WellKnownFolders.SentItems, "Sent Items"),
        (WellKnownFolders.Outbox, "Outbox"),
    ];

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly List<User> _users = [];

    // Graph finds users and subscriptions by id in any case.
    private readonly Dictionary<string, User> _usersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SyncState> _syncStates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Exception> _failingWrites = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _vanishing = new(StringComparer.Ordinal);
    private readonly List<string> _reauthorized = [];
    private long _sequence;

    /// <summary>Ids of the subscriptions reauthorized so far, in call order.</summary>
    public IReadOnlyList<string> Reauthorized
    {
        get
        {
            lock (_gate) return [.. _reauthorized];
        }
    }

    /// <summary>The subscriptions that have neither expired nor been removed, in the order they were created.</summary>
    public IReadOnlyList<GraphSubscription> LiveSubscriptions
    {
        get
        {
            var now = _clock.GetUtcNow();
            lock (_gate) return [.. _subscriptions.Values.Where(s => s.IsLiveAt(now)).OrderBy(s => s.Sequence).Select(s => s.View())];
        }
    }

    /// <summary>Adds a user with a mailbox holding the standard folders; returns the user id.</summary>
    /// <param name="reachable">False for a user the app may not reach the mailbox of (a guest, an unlicensed user).</param>
    /// <param name="userId">The id to give the user, so that other twins can know the same user; a new one when null.</param>
    public string AddMailbox(bool reachable = true, string? userId = null)
    {
        var user = new User(userId ?? Guid.NewGuid().ToString(), reachable);
        foreach (var (wellKnownName, displayName) in Standard) user.Folders.Add(new Folder(NewId("folder"), displayName, wellKnownName, ParentId: null, IsHidden: false));
        lock (_gate)
        {
            if (!_usersById.TryAdd(user.Id, user)) throw new InvalidOperationException($"A user {user.Id} exists already.");
            _users.Add(user);
        }
        return user.Id;
    }

    /// <summary>A folder a user made, at the top of the tree or under <paramref name="parentFolderId"/>; returns its id.</summary>
    /// <param name="hidden">A hidden folder (as the pipeline's quarantine is) is not listed, nor is anything under it.</param>
    public string AddFolder(string mailboxId, string displayName, string? parentFolderId = null, bool hidden = false)
    {
        lock (_gate)
        {
            var user = Require(mailboxId);
            if (parentFolderId is not null && user.Find(parentFolderId) is null) throw new KeyNotFoundException($"Mailbox {mailboxId} has no folder {parentFolderId}.");
            var folder = new Folder(NewId("folder"), displayName, WellKnownName: null, parentFolderId, hidden);
            user.Folders.Add(folder);
            return folder.Id;
        }
    }

    /// <summary>The id of a folder given by well-known name (or by id).</summary>
    public string FolderId(string mailboxId, string folder)
    {
        lock (_gate) return Require(mailboxId).Find(folder)?.Id ?? throw new KeyNotFoundException($"Mailbox {mailboxId} has no folder '{folder}'.");
    }

    /// <summary>Stores a message as arrived at <paramref name="receivedAt"/> (now when null); returns its id.</summary>
    /// <param name="folder">A folder id or well-known name.</param>
    public string AddMessage(string mailboxId, string folder = WellKnownFolders.Inbox, DateTimeOffset? receivedAt = null)
    {
        lock (_gate)
        {
            var user = Require(mailboxId);
            var target = user.Find(folder) ?? throw new KeyNotFoundException($"Mailbox {mailboxId} has no folder '{folder}'.");
            var message = new Message(NewId("message"), target.Id, receivedAt ?? _clock.GetUtcNow(), ++_sequence);
            user.Messages.Add(message);
            return message.Id;
        }
    }

    /// <summary>What Graph does when it ends a subscription on its own (or someone deletes it): it is gone for every call.</summary>
    /// <returns>False when no live subscription has that id.</returns>
    public bool RemoveSubscription(string subscriptionId)
    {
        var now = _clock.GetUtcNow();
        lock (_gate) return _subscriptions.TryGetValue(subscriptionId, out var subscription) && subscription.IsLiveAt(now) && _subscriptions.Remove(subscriptionId);
    }

    /// <summary>
    /// Every create or renew of a subscription on this mailbox throws <paramref name="error"/>, as Graph throttling
    /// past the retries or failing would.
    /// </summary>
    public void FailWritesFor(string mailboxId, Exception error)
    {
        lock (_gate) _failingWrites[mailboxId] = error;
    }

    /// <summary>What Graph does once a sync state has expired: every delta link handed out so far is unknown.</summary>
    public void ForgetSyncStates()
    {
        lock (_gate) _syncStates.Clear();
    }

    /// <summary>
    /// The folder disappears (with its subfolders) the moment a delta read reaches it, as when its user deletes it
    /// between the listing and the read.
    /// </summary>
    public void VanishBeforeRead(string folderId)
    {
        lock (_gate) _vanishing.Add(folderId);
    }

    public async IAsyncEnumerable<string> ListMailboxesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string[] ids;
        lock (_gate) ids = [.. _users.Select(u => u.Id)];
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return id;
        }
    }

    public Task<MailboxSubscription> CreateAsync(string mailboxId, SubscriptionRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsEndpoint(request.NotificationUrl) || !IsEndpoint(request.LifecycleNotificationUrl))
        {
            throw Refused("InvalidRequest", "The notification URLs must be absolute https URLs (http is accepted on loopback).");
        }
        if (request.ClientState.Length > MaxClientStateLength) throw Refused("InvalidRequest", $"The clientState must not exceed {MaxClientStateLength} characters.");
        var now = _clock.GetUtcNow();
        CheckExpiration(request.ExpiresAt, now);
        lock (_gate)
        {
            var user = _usersById.GetValueOrDefault(mailboxId) ?? throw Refused("InvalidRequest", $"The requested user '{mailboxId}' is invalid.");
            if (!user.Reachable)
            {
                throw new MailboxUnavailableException(mailboxId, "MailboxNotEnabledForRESTAPI", Refused("MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise."));
            }
            if (_failingWrites.GetValueOrDefault(user.Id) is { } error) throw error;
            var subscription = new Subscription(Guid.NewGuid().ToString(), user.Id, request, ++_sequence) { ExpiresAt = request.ExpiresAt.ToUniversalTime() };
            _subscriptions[subscription.Id] = subscription;
            return Task.FromResult(new MailboxSubscription(mailboxId, subscription.Id, subscription.ExpiresAt));
        }
    }

    public Task<DateTimeOffset?> RenewAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (Live(subscriptionId, now) is not { } subscription) return Task.FromResult<DateTimeOffset?>(null);
            if (_failingWrites.GetValueOrDefault(subscription.MailboxId) is { } error) throw error;
            CheckExpiration(expiresAt, now);
            subscription.ExpiresAt = expiresAt.ToUniversalTime();
            return Task.FromResult<DateTimeOffset?>(subscription.ExpiresAt);
        }
    }

    public Task<bool> ReauthorizeAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (Live(subscriptionId, now) is null) return Task.FromResult(false);
            _reauthorized.Add(subscriptionId);
            return Task.FromResult(true);
        }
    }

    // The walk of the Graph gateway: one level listed in full, then the children of the folders that have some, the
    // last pushed first; so the same tree comes out in the same order.
    public async IAsyncEnumerable<ListedFolder> ListFoldersAsync(string mailboxId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var levels = new Stack<(string? ParentId, int Depth)>();
        levels.Push((null, 0));
        while (levels.TryPop(out var level))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            foreach (var (folder, hasChildren) in ListLevel(mailboxId, level.ParentId))
            {
                yield return new ListedFolder(folder.Id, folder.DisplayName, level.Depth);
                if (hasChildren) levels.Push((folder.Id, level.Depth + 1));
            }
        }
    }

    public Task<FolderChanges?> ReadFolderChangesAsync(
        string mailboxId, string folderId, string? deltaLink, DateTimeOffset receivedSince, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            SyncState known;
            if (deltaLink is null)
            {
                // The gateway states the bound to the second, and Graph keeps it in the links it returns.
                var since = new DateTimeOffset(receivedSince.UtcTicks - receivedSince.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
                known = new SyncState(mailboxId, folderId, since, new HashSet<string>(StringComparer.Ordinal));
            }
            else
            {
                var start = deltaLink.IndexOf(DeltaToken, StringComparison.Ordinal);
                if (start < 0 || !_syncStates.TryGetValue(deltaLink[(start + DeltaToken.Length)..], out var state))
                {
                    throw new SyncStateLostException($"Delta state of folder {folderId} in mailbox {mailboxId} is gone: syncStateNotFound");
                }
                // The link names its folder; the gateway follows the link.
                known = state;
            }

            var user = Reachable(known.MailboxId);
            if (_vanishing.Remove(known.FolderId)) Remove(user, known.FolderId);
            if (user.Find(known.FolderId) is not { } folder) return Task.FromResult<FolderChanges?>(null);

            var current = user.Messages.Where(m => m.FolderId == folder.Id && m.ReceivedAt >= known.Since)
                .OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Sequence).ToList();
            var token = Guid.NewGuid().ToString("N");
            _syncStates[token] = known with { Seen = current.Select(m => m.Id).ToHashSet(StringComparer.Ordinal) };
            var link = $"https://graph.microsoft.com/v1.0/users/{known.MailboxId}/mailFolders/{folder.Id}/messages/delta?{DeltaToken}{token}";
            return Task.FromResult<FolderChanges?>(new FolderChanges([.. current.Where(m => !known.Seen.Contains(m.Id)).Select(m => m.Id)], link));
        }
    }

    private static string NewId(string kind) => $"{kind}-{Guid.NewGuid():N}";

    private static InvalidOperationException Refused(string code, string message) => new($"Graph answered {code}: {message}");

    private static bool IsEndpoint(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback));

    private static void CheckExpiration(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (expiresAt <= now) throw Refused("InvalidRequest", "Subscription expiration must be in the future.");
        if (expiresAt > now + MaxLifetime) throw Refused("InvalidRequest", $"Subscription expiration can only be {MaxLifetime.TotalMinutes:0} minutes in the future.");
    }

    private (Folder Folder, bool HasChildren)[] ListLevel(string mailboxId, string? parentId)
    {
        lock (_gate)
        {
            var user = Reachable(mailboxId);
            return [.. user.Folders.Where(f => f.ParentId == parentId && !f.IsHidden).Select(f => (f, user.Folders.Any(c => c.ParentId == f.Id)))];
        }
    }

    private Subscription? Live(string subscriptionId, DateTimeOffset now) =>
        _subscriptions.GetValueOrDefault(subscriptionId) is { } subscription && subscription.IsLiveAt(now) ? subscription : null;

    private User Require(string mailboxId) => _usersById.GetValueOrDefault(mailboxId) ?? throw new KeyNotFoundException($"No user {mailboxId}.");

    // A mailbox store request: Graph refuses it for a user it does not know or whose mailbox the app may not reach.
    private User Reachable(string mailboxId) => _usersById.GetValueOrDefault(mailboxId) switch
    {
        null => throw Refused("ErrorInvalidUser", $"The requested user '{mailboxId}' is invalid."),
        { Reachable: false } => throw Refused("MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise."),
        var user => user,
    };

    private static void Remove(User user, string folderId)
    {
        foreach (var child in user.Folders.Where(f => f.ParentId == folderId).ToList()) Remove(user, child.Id);
        user.Folders.RemoveAll(f => f.Id == folderId);
        user.Messages.RemoveAll(m => m.FolderId == folderId);
    }

    private sealed class User(string id, bool reachable)
    {
        public string Id { get; } = id;

        public bool Reachable { get; } = reachable;

        public List<Folder> Folders { get; } = [];

        public List<Message> Messages { get; } = [];

        public Folder? Find(string idOrWellKnownName) =>
            Folders.Find(f => f.Id == idOrWellKnownName) ?? Folders.Find(f => string.Equals(f.WellKnownName, idOrWellKnownName, StringComparison.OrdinalIgnoreCase));
    }

    private sealed record Folder(string Id, string DisplayName, string? WellKnownName, string? ParentId, bool IsHidden);

    private sealed record Message(string Id, string FolderId, DateTimeOffset ReceivedAt, long Sequence);

    /// <summary>What a delta link stands for: the folder, the bound of the first read and the messages returned so far.</summary>
    private sealed record SyncState(string MailboxId, string FolderId, DateTimeOffset Since, IReadOnlySet<string> Seen);

    private sealed class Subscription(string id, string mailboxId, SubscriptionRequest request, long sequence)
    {
        public string Id { get; } = id;

        public string MailboxId { get; } = mailboxId;

        public SubscriptionRequest Request { get; } = request;

        public long Sequence { get; } = sequence;

        public required DateTimeOffset ExpiresAt { get; set; }

        public bool IsLiveAt(DateTimeOffset now) => now < ExpiresAt;

        public GraphSubscription View() => new(Id, MailboxId, Request.NotificationUrl, Request.LifecycleNotificationUrl, Request.ClientState, ExpiresAt);
    }
}

/// <summary>A subscription as Graph holds it.</summary>
public sealed record GraphSubscription(
    string Id, string MailboxId, string NotificationUrl, string LifecycleNotificationUrl, string ClientState, DateTimeOffset ExpiresAt);
