using Remediation.TenantSimulator.Model;

namespace Remediation.TenantSimulator;

/// <summary>One user's mailbox: folders and messages, guarded by a lock of its own.</summary>
public sealed class SimulatedMailbox
{
    private readonly Lock gate = new();
    private readonly List<MailFolder> folders = [];
    private readonly List<StoredMessage> messages = [];
    private readonly Dictionary<string, StoredMessage> messagesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CalendarEntry> calendar = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly Action<StoredMessageView> messageCreated;
    private long version;

    internal SimulatedMailbox(
        string id, string userPrincipalName, string displayName, TimeProvider timeProvider, Action<StoredMessageView> messageCreated)
    {
        Id = id;
        UserPrincipalName = userPrincipalName;
        DisplayName = displayName;
        Addresses = new RecipientAddresses(userPrincipalName);
        this.timeProvider = timeProvider;
        this.messageCreated = messageCreated;
        RootFolderId = GraphIds.NewFolderId();
        foreach (var (name, folderDisplayName) in WellKnownFolders.All)
        {
            folders.Add(new MailFolder(GraphIds.NewFolderId(), folderDisplayName, name, RootFolderId, IsHidden: false));
        }
    }

    public string Id { get; }

    /// <summary>Whether the app can reach the mailbox: guests and unlicensed users have none, RBAC scopes leave some out.</summary>
    public MailboxAccess Access { get; init; } = MailboxAccess.Enabled;

    /// <summary>Whether anyone signs in as the user: a shared or resource mailbox's account is created disabled.</summary>
    public bool AccountEnabled { get; init; } = true;

    public string UserPrincipalName { get; }

    public string DisplayName { get; }

    /// <summary>The user's SMTP addresses: the user principal name at first; aliases and another primary may follow.</summary>
    public RecipientAddresses Addresses { get; }

    /// <summary>The primary SMTP address, which may differ from the user principal name.</summary>
    public string Mail => Addresses.Primary;

    internal string RootFolderId { get; }

    /// <summary>
    /// The id of a folder given by id, well-known name, or display-name path from the top of the folder tree with
    /// <c>/</c> between levels (IMAP's hierarchy delimiter in Exchange), e.g. <c>Projects/2026</c>.
    /// </summary>
    public string ResolveFolderId(string folder)
    {
        var found = FindFolder(folder);
        if (found is null)
        {
            lock (gate)
            {
                found = FindPathLocked(folder.Split('/'));
            }
        }

        return found?.Id ?? throw new KeyNotFoundException($"Mailbox {UserPrincipalName} has no folder '{folder}'.");
    }

    /// <summary>
    /// The folder at a display-name path (see <see cref="ResolveFolderId"/>), created with every missing level as a
    /// user's mail client would.
    /// </summary>
    public string AddFolder(string path)
    {
        lock (gate)
        {
            var parentId = RootFolderId;
            MailFolder? folder = null;
            foreach (var name in path.Split('/'))
            {
                folder = ChildLocked(parentId, name) ?? AddLocked(new MailFolder(GraphIds.NewFolderId(), name, WellKnownName: null, parentId, IsHidden: false));
                parentId = folder.Id;
            }

            return folder?.Id ?? throw new ArgumentException("A folder path needs a name.", nameof(path));
        }
    }

    internal MailFolder? FindFolder(string idOrName)
    {
        lock (gate)
        {
            return folders.Find(f => f.Id == idOrName)
                ?? folders.Find(f => string.Equals(f.WellKnownName, idOrName, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The folders directly under <paramref name="parentId"/>; the top of the tree when null.</summary>
    internal IReadOnlyList<MailFolderView> ListFolders(string? parentId, bool includeHidden)
    {
        lock (gate)
        {
            var parent = parentId ?? RootFolderId;
            return [.. folders.Where(f => f.ParentFolderId == parent && !f.IsRecoverableItems && (includeHidden || !f.IsHidden)).Select(DescribeLocked)];
        }
    }

    internal MailFolderView Describe(MailFolder folder)
    {
        lock (gate)
        {
            return DescribeLocked(folder);
        }
    }

    /// <summary>
    /// Creates a folder under <paramref name="parentId"/> (the top of the tree when null); null when the parent
    /// holds a folder of that name already. Folders of one name may sit under different parents, as in Exchange.
    /// </summary>
    internal MailFolder? CreateFolder(string? parentId, string displayName, bool isHidden)
    {
        lock (gate)
        {
            var parent = parentId ?? RootFolderId;
            return ChildLocked(parent, displayName) is null
                ? AddLocked(new MailFolder(GraphIds.NewFolderId(), displayName, WellKnownName: null, parent, isHidden))
                : null;
        }
    }

    /// <summary>
    /// Deletes a folder that is not a well-known one, with every folder under it, as Graph's DELETE on a mailFolder
    /// does; their messages go to Recoverable Items, as a soft-deleted message does. False when there is no such folder.
    /// </summary>
    internal bool DeleteFolder(string folderId)
    {
        lock (gate)
        {
            if (folders.Find(f => f.Id == folderId) is not { WellKnownName: null } folder)
            {
                return false;
            }

            var deleted = new HashSet<string>(StringComparer.Ordinal) { folder.Id };
            int before;
            do
            {
                before = deleted.Count;
                deleted.UnionWith(folders.Where(f => deleted.Contains(f.ParentFolderId)).Select(f => f.Id));
            }
            while (deleted.Count > before);

            var recoverableItems = folders.Find(f => f.WellKnownName == WellKnownFolders.RecoverableItemsDeletions)!;
            foreach (var message in messages.Where(m => deleted.Contains(m.Folder.Id)))
            {
                message.Folder = recoverableItems;
                message.ChangeKey = GraphIds.NewChangeKey();
                message.Version = ++version;
            }

            folders.RemoveAll(f => deleted.Contains(f.Id));
            return true;
        }
    }

    /// <param name="receivedAt">The arrival time to record; now when null (an IMAP APPEND may give its own date).</param>
    internal StoredMessageView Store(string mime, MessageContent content, MailFolder folder, string? networkMessageId, DateTimeOffset? receivedAt = null)
    {
        StoredMessageView view;
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var message = new StoredMessage(GraphIds.NewImmutableId(), mime, content, networkMessageId, receivedAt ?? now)
            {
                MessageId = GraphIds.NewMessageId(),
                Folder = folder,
                CreatedDateTime = now,
                LastModifiedDateTime = now,
                ChangeKey = GraphIds.NewChangeKey(),
                Version = ++version,
            };
            messages.Add(message);
            messagesById[message.ImmutableId] = message;
            messagesById[message.MessageId] = message;
            view = ViewLocked(message);
        }

        messageCreated(view);
        return view;
    }

    /// <summary>The entries in the user's calendar.</summary>
    public IReadOnlyList<CalendarEntry> Calendar
    {
        get
        {
            lock (gate)
            {
                return [.. calendar.Values];
            }
        }
    }

    /// <summary>What the Calendar Attendant does with a meeting request transport delivered: a tentative entry.</summary>
    internal CalendarEntry AddCalendarEntry(StoredMessageView request)
    {
        var entry = new CalendarEntry(GraphIds.NewEventId(), request.ImmutableId, request.Subject, request.Mime);
        lock (gate)
        {
            calendar[entry.Id] = entry;
        }

        return entry;
    }

    /// <summary>The calendar entry a meeting request (by regular or immutable id) came with, if it is still there.</summary>
    internal CalendarEntry? CalendarEntryOf(string messageId)
    {
        lock (gate)
        {
            return messagesById.TryGetValue(messageId, out var message)
                ? calendar.Values.FirstOrDefault(e => e.RequestImmutableId == message.ImmutableId)
                : null;
        }
    }

    internal CalendarEntry? FindCalendarEntry(string eventId)
    {
        lock (gate)
        {
            return calendar.GetValueOrDefault(eventId);
        }
    }

    /// <summary>An entry declined leaves the calendar, as Outlook's does; the entry taken, or null when there is none.</summary>
    internal CalendarEntry? RemoveCalendarEntry(string eventId)
    {
        lock (gate)
        {
            return calendar.Remove(eventId, out var entry) ? entry : null;
        }
    }

    /// <summary>Finds a message by its regular or its immutable id.</summary>
    public StoredMessageView? FindMessage(string messageId)
    {
        lock (gate)
        {
            return messagesById.TryGetValue(messageId, out var message) ? ViewLocked(message) : null;
        }
    }

    /// <summary>Messages of one folder, or of the whole mailbox except Recoverable Items, newest first.</summary>
    internal IReadOnlyList<StoredMessageView> ListMessages(MailFolder? folder)
    {
        lock (gate)
        {
            return
            [
                .. messages
                    .Where(m => folder is null ? !m.Folder.IsRecoverableItems : m.Folder.Id == folder.Id)
                    .OrderByDescending(m => m.ReceivedDateTime)
                    .ThenByDescending(m => m.Version)
                    .Select(ViewLocked),
            ];
        }
    }

    /// <summary>Moves a message; like Exchange, the moved item gets a new regular id. Null when the id is unknown.</summary>
    internal StoredMessageView? Move(string messageId, MailFolder destination)
    {
        StoredMessageView view;
        lock (gate)
        {
            if (!messagesById.TryGetValue(messageId, out var message))
            {
                return null;
            }

            messagesById.Remove(message.MessageId);
            message.MessageId = GraphIds.NewMessageId();
            messagesById[message.MessageId] = message;
            message.Folder = destination;
            message.CreatedDateTime = message.LastModifiedDateTime = timeProvider.GetUtcNow();
            message.ChangeKey = GraphIds.NewChangeKey();
            message.Version = ++version;
            view = ViewLocked(message);
        }

        messageCreated(view);
        return view;
    }

    internal bool PermanentlyDelete(string messageId)
    {
        lock (gate)
        {
            if (!messagesById.TryGetValue(messageId, out var message))
            {
                return false;
            }

            messages.Remove(message);
            messagesById.Remove(message.MessageId);
            messagesById.Remove(message.ImmutableId);
            return true;
        }
    }

    private MailFolderView DescribeLocked(MailFolder folder)
    {
        var inFolder = messages.Count(m => m.Folder.Id == folder.Id);
        var children = folders.Count(f => f.ParentFolderId == folder.Id);
        // Nothing reads mail in the simulator, so every item counts as unread.
        return new MailFolderView(folder, inFolder, inFolder, children);
    }

    private MailFolder? ChildLocked(string parentId, string displayName) =>
        folders.Find(f => f.ParentFolderId == parentId && string.Equals(f.DisplayName, displayName, StringComparison.OrdinalIgnoreCase));

    private MailFolder? FindPathLocked(IEnumerable<string> names)
    {
        var parentId = RootFolderId;
        MailFolder? folder = null;
        foreach (var name in names)
        {
            folder = ChildLocked(parentId, name);
            if (folder is null)
            {
                return null;
            }

            parentId = folder.Id;
        }

        return folder;
    }

    private MailFolder AddLocked(MailFolder folder)
    {
        folders.Add(folder);
        return folder;
    }

    private StoredMessageView ViewLocked(StoredMessage message) => new(message.Content, message.ChangeKey, message.Version)
    {
        MailboxId = Id,
        MessageId = message.MessageId,
        ImmutableId = message.ImmutableId,
        InternetMessageId = message.Content.InternetMessageId,
        FolderId = message.Folder.Id,
        FolderWellKnownName = message.Folder.WellKnownName,
        Subject = message.Content.Subject,
        Mime = message.Mime,
        NetworkMessageId = message.NetworkMessageId,
        ReceivedDateTime = message.ReceivedDateTime,
        CreatedDateTime = message.CreatedDateTime,
        LastModifiedDateTime = message.LastModifiedDateTime,
    };

    /// <summary>The mutable state of one message; only touched under the mailbox lock.</summary>
    private sealed class StoredMessage(
        string immutableId, string mime, MessageContent content, string? networkMessageId, DateTimeOffset receivedDateTime)
    {
        public string ImmutableId { get; } = immutableId;

        public string Mime { get; } = mime;

        public MessageContent Content { get; } = content;

        public string? NetworkMessageId { get; } = networkMessageId;

        public DateTimeOffset ReceivedDateTime { get; } = receivedDateTime;

        public required string MessageId { get; set; }

        public required MailFolder Folder { get; set; }

        public required DateTimeOffset CreatedDateTime { get; set; }

        public required DateTimeOffset LastModifiedDateTime { get; set; }

        public required string ChangeKey { get; set; }

        public required long Version { get; set; }
    }
}
