using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Remediation.Core.Scanning;

namespace Remediation.Core.Mailboxes;

/// <summary>
/// The mailbox store of one process: the twin of Microsoft Graph for tests of a stage's decisions. It answers as the
/// Graph gateway does with immutable ids: a move keeps the message's id, a soft delete puts it in Recoverable Items
/// where its id still finds it, and a message, mailbox or folder that is not there reads as null or false rather than
/// failing, except a search of a mailbox the app cannot reach. Users and mailboxes are found by id or user principal
/// name and addresses in any case; message ids and Message-IDs compare exactly.
/// </summary>
public sealed class InMemoryMailboxGateway(TimeProvider? clock = null) : IMailboxGateway
{
    /// <summary>Where a soft-deleted message goes; outside the folder tree a search or a listing covers.</summary>
    public const string RecoverableItemsDeletions = "recoverableitemsdeletions";

    private const string NoteClass = "IPM.Note";
    private const string MeetingRequestClass = "IPM.Schedule.Meeting.Request";
    private const string TeamsChatClass = "IPM.SkypeTeams.Message";
    private const string TeamsChatFolder = "TeamsMessagesData";

    private static readonly (string Name, string DisplayName)[] Standard =
    [
        (WellKnownFolders.Inbox, "Inbox"),
        (WellKnownFolders.JunkEmail, "Junk Email"),
        (WellKnownFolders.DeletedItems, "Deleted Items"),
        (RecoverableItemsDeletions, "Deletions"),
        ("archive", "Archive"),
        (WellKnownFolders.Drafts, "Drafts"),
        (WellKnownFolders.SentItems, "Sent Items"),
        (WellKnownFolders.Outbox, "Outbox"),
    ];

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Mailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Group> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Recipient> _addressBook = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Exception> _failing = new(StringComparer.Ordinal);
    private readonly HashSet<string> _vanishing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Exception> _failingSearches = new(StringComparer.OrdinalIgnoreCase);
    private int _moves;
    private int _moveRequests;
    private bool _calendarsPermitted = true;

    /// <summary>Messages moved by <see cref="MoveAsync"/> (soft deletes not included).</summary>
    public int Moves
    {
        get
        {
            lock (_gate) return _moves;
        }
    }

    /// <summary>Requests to move messages: each <see cref="MoveAllAsync"/>, one round trip however many it moves.</summary>
    public int MoveRequests => Volatile.Read(ref _moveRequests);

    /// <summary>Adds a user whose primary SMTP address is the user principal name; returns the user id.</summary>
    /// <param name="reachable">False for a user the app may not reach the mailbox of (a guest, an unlicensed user).</param>
    public string AddMailbox(string userPrincipalName, bool reachable = true)
    {
        var mailbox = new Mailbox(Guid.NewGuid().ToString(), userPrincipalName, reachable);
        foreach (var (name, displayName) in Standard) mailbox.Folders.Add(new Folder(NewId("folder"), displayName, name, IsHidden: false));
        lock (_gate)
        {
            Claim(userPrincipalName, mailbox);
            _mailboxes[mailbox.Id] = mailbox;
            _mailboxes[userPrincipalName] = mailbox;
        }
        return mailbox.Id;
    }

    /// <summary>Adds a mail-enabled group (a distribution list); returns its id.</summary>
    public string AddGroup(string mail)
    {
        var group = new Group(Guid.NewGuid().ToString(), mail);
        lock (_gate)
        {
            Claim(mail, group);
            _groups[group.Id] = group;
        }
        return group.Id;
    }

    /// <summary>Adds a mail contact for an address outside the tenant; returns its id.</summary>
    public string AddContact(string externalAddress)
    {
        var contact = new Recipient(Guid.NewGuid().ToString(), externalAddress);
        lock (_gate) Claim(externalAddress, contact);
        return contact.Id;
    }

    /// <summary>Gives a user, group or contact (by id) another SMTP address.</summary>
    public void AddAlias(string recipientId, string address)
    {
        lock (_gate)
        {
            var recipient = _addressBook.Values.FirstOrDefault(r => string.Equals(r.Id, recipientId, StringComparison.OrdinalIgnoreCase))
                ?? throw new KeyNotFoundException($"No recipient {recipientId}.");
            Claim(address, recipient);
        }
    }

    /// <summary>Makes a user, contact or group (by id) a direct member of a group.</summary>
    public void AddMember(string groupId, string memberId)
    {
        lock (_gate)
        {
            var group = _groups.GetValueOrDefault(groupId) ?? throw new KeyNotFoundException($"No group {groupId}.");
            if (!group.Members.Contains(memberId, StringComparer.OrdinalIgnoreCase)) group.Members.Add(memberId);
        }
    }

    /// <summary>A folder a user made, at the top of the folder tree; returns its id.</summary>
    public string AddFolder(string mailboxId, string displayName)
    {
        lock (_gate)
        {
            var folder = new Folder(NewId("folder"), displayName, WellKnownName: null, IsHidden: false);
            Require(mailboxId).Folders.Add(folder);
            return folder.Id;
        }
    }

    /// <summary>Stores a message as delivered; returns its id.</summary>
    /// <param name="folder">A folder id or well-known name.</param>
    public string AddMessage(string mailboxId, string mime, string folder = WellKnownFolders.Inbox, DateTimeOffset? receivedAt = null)
    {
        var parsed = Parse(mime);
        lock (_gate)
        {
            var mailbox = Require(mailboxId);
            var target = mailbox.Find(folder) ?? throw new KeyNotFoundException($"Mailbox {mailboxId} has no folder '{folder}'.");
            var message = new Message(NewId("message"), mime, parsed.MessageId is { } id ? $"<{id}>" : null, receivedAt ?? _clock.GetUtcNow())
            {
                Folder = target,
                CreatedAt = _clock.GetUtcNow(),
                ItemClass = IsMeetingRequest(parsed) ? MeetingRequestClass : NoteClass,
            };
            mailbox.Messages[message.Id] = message;
            return message.Id;
        }
    }

    /// <summary>
    /// A meeting request as transport delivers it: in the Inbox, with the tentative entry the Calendar Attendant puts
    /// in the attendee's calendar. Returns the request's id.
    /// </summary>
    public string DeliverMeetingRequest(string mailboxId, string mime)
    {
        var id = AddMessage(mailboxId, mime);
        lock (_gate) Require(mailboxId).CalendarEntries.Add(id);
        return id;
    }

    /// <summary>The meeting requests whose entry is in the mailbox's calendar.</summary>
    public IReadOnlyCollection<string> CalendarEntriesOf(string mailboxId)
    {
        lock (_gate) return [.. Require(mailboxId).CalendarEntries];
    }

    /// <summary>The app loses <c>Calendars.ReadWrite</c>, or never had it.</summary>
    public void DenyCalendarAccess()
    {
        lock (_gate) _calendarsPermitted = false;
    }

    // The class Exchange gives a message whose iCalendar part asks for a meeting.
    private static bool IsMeetingRequest(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Any(p => p.ContentType.IsMimeType("text", "calendar")
            && string.Equals(p.ContentType.Parameters["method"], "REQUEST", StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc cref="AddMessage(string, string, string, DateTimeOffset?)"/>
    public string AddMessage(string mailboxId, MimeMessage mime, string folder = WellKnownFolders.Inbox, DateTimeOffset? receivedAt = null) =>
        AddMessage(mailboxId, mime.ToString(), folder, receivedAt);

    /// <summary>
    /// Stores a Teams chat message as Exchange keeps it for compliance, in a hidden folder of the mailbox: listed with
    /// mail, but without a MIME form, so reading it returns its item class and no content, as the Graph gateway does.
    /// Returns its id.
    /// </summary>
    public string AddTeamsChat(string mailboxId, string fromAddress, string text)
    {
        var mime = $"From: {fromAddress}\r\nSubject: IM\r\nMessage-ID: <{Guid.NewGuid():N}@teams.example>\r\n" +
            $"Content-Type: text/html; charset=utf-8\r\n\r\n<div>{System.Net.WebUtility.HtmlEncode(text)}</div>\r\n";
        lock (_gate)
        {
            var mailbox = Require(mailboxId);
            var folder = mailbox.Folders.Find(f => f.DisplayName == TeamsChatFolder);
            if (folder is null) mailbox.Folders.Add(folder = new Folder(NewId("folder"), TeamsChatFolder, WellKnownName: null, IsHidden: true));
            var message = new Message(NewId("message"), mime, $"<{Parse(mime).MessageId}>", _clock.GetUtcNow()) { Folder = folder, CreatedAt = _clock.GetUtcNow(), ItemClass = TeamsChatClass };
            mailbox.Messages[message.Id] = message;
            return message.Id;
        }
    }

    /// <summary>The id of the folder holding the message (Recoverable Items once soft-deleted), or null when it is gone for good.</summary>
    public string? FolderOf(string mailboxId, string messageId)
    {
        lock (_gate) return Require(mailboxId).Messages.GetValueOrDefault(messageId)?.Folder.Id;
    }

    /// <summary>The well-known name of the folder holding the message, or its display name for any other folder; null when it is gone.</summary>
    public string? FolderNameOf(string mailboxId, string messageId)
    {
        lock (_gate) return Require(mailboxId).Messages.GetValueOrDefault(messageId)?.Folder is { } folder ? folder.WellKnownName ?? folder.DisplayName : null;
    }

    /// <summary>Whether the folder is hidden from the user's mail clients.</summary>
    public bool IsHidden(string mailboxId, string folderId)
    {
        lock (_gate) return Require(mailboxId).Find(folderId)?.IsHidden ?? throw new KeyNotFoundException($"Mailbox {mailboxId} has no folder {folderId}.");
    }

    /// <summary>A user or an administrator deletes a folder: its messages go to Recoverable Items, and its id no longer resolves.</summary>
    public void DeleteFolder(string mailboxId, string folderId)
    {
        lock (_gate)
        {
            var mailbox = Require(mailboxId);
            var folder = mailbox.Find(folderId) is { WellKnownName: null } custom ? custom : throw new InvalidOperationException($"No folder {folderId} to delete in {mailboxId}.");
            var deletions = mailbox.Find(RecoverableItemsDeletions)!;
            foreach (var message in mailbox.Messages.Values.Where(m => m.Folder == folder)) message.Folder = deletions;
            mailbox.Folders.Remove(folder);
        }
    }

    /// <summary>
    /// What Exchange does once the deleted-item retention has passed: soft-deleted messages leave Recoverable Items for good.
    /// </summary>
    public void PurgeRecoverableItems(string mailboxId)
    {
        lock (_gate)
        {
            var mailbox = Require(mailboxId);
            foreach (var deleted in mailbox.Messages.Values.Where(m => m.Folder.WellKnownName == RecoverableItemsDeletions).ToList())
            {
                mailbox.Messages.Remove(deleted.Id);
            }
        }
    }

    /// <summary>
    /// Every move, delete or meeting decline of this message throws <paramref name="error"/>, as a store refusing one
    /// item would; null lets them succeed again.
    /// </summary>
    public void FailActionsOn(string messageId, Exception? error)
    {
        lock (_gate)
        {
            if (error is null) _failing.Remove(messageId);
            else _failing[messageId] = error;
        }
    }

    /// <summary>Every search of this mailbox throws <paramref name="error"/>, as a mailbox whose store is down would.</summary>
    public void FailSearchesIn(string mailboxId, Exception error)
    {
        lock (_gate) _failingSearches[mailboxId] = error;
    }

    /// <summary>
    /// The message disappears for good the moment a move or delete reaches it, as when its user purges it between the
    /// search and the action.
    /// </summary>
    public void VanishBeforeAction(string messageId)
    {
        lock (_gate) _vanishing.Add(messageId);
    }

    public Task<StoredMessage?> GetMessageAsync(string mailboxId, string messageId, long maxContentBytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (Reachable(mailboxId)?.Messages.GetValueOrDefault(messageId) is not { } message) return Task.FromResult<StoredMessage?>(null);
            // Graph states times to the second.
            static DateTimeOffset ToTheSecond(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            // Graph cannot export a chat item as MIME: it comes back with its class and no content.
            var content = StoredContent.Within(StoredMessage.IsTeamsChatClass(message.ItemClass) ? [] : Encoding.UTF8.GetBytes(message.Mime), maxContentBytes);
            return Task.FromResult<StoredMessage?>(new StoredMessage(mailboxId, message.Id, MailboxMessage.Usable(message.InternetMessageId),
                message.Folder.Id, message.Folder.WellKnownName == WellKnownFolders.Drafts, ToTheSecond(message.ReceivedAt), content.Content)
            {
                CreatedAt = ToTheSecond(message.CreatedAt),
                ContentCut = content.Cut,
                ItemClass = message.ItemClass,
            });
        }
    }

    public Task<StoredContent?> GetContentAsync(string mailboxId, string messageId, long maxContentBytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (Reachable(mailboxId)?.Messages.GetValueOrDefault(messageId) is not { } message) return Task.FromResult<StoredContent?>(null);
            if (StoredMessage.IsTeamsChatClass(message.ItemClass)) throw new InvalidOperationException($"Message {messageId} is a chat item: it has no MIME form.");
            return Task.FromResult<StoredContent?>(StoredContent.Within(Encoding.UTF8.GetBytes(message.Mime), maxContentBytes));
        }
    }

    public Task<IReadOnlyList<MessageLocation>> FindCopiesAsync(string mailboxId, string internetMessageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_failingSearches.GetValueOrDefault(mailboxId) is { } error) throw error;
            var mailbox = _mailboxes.GetValueOrDefault(mailboxId);
            if (mailbox is not { Reachable: true })
            {
                var reason = mailbox is null ? "ErrorInvalidUser" : "MailboxNotEnabledForRESTAPI";
                throw new MailboxUnavailableException(mailboxId, reason, new InvalidOperationException($"Graph answered {reason}."));
            }
            IReadOnlyList<MessageLocation> copies =
            [
                .. mailbox.Messages.Values
                    .Where(m => m.Folder.WellKnownName != RecoverableItemsDeletions && !StoredMessage.IsTeamsChatClass(m.ItemClass)
                        && string.Equals(m.InternetMessageId, internetMessageId, StringComparison.Ordinal))
                    .Select(m => new MessageLocation(mailboxId, m.Id, m.Folder.Id) { Shown = Shown(m.Mime), IsMeetingRequest = StoredMessage.IsMeetingRequestClass(m.ItemClass) }),
            ];
            return Task.FromResult(copies);
        }
    }

    public Task<string> GetFolderIdAsync(string mailboxId, string wellKnownName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var folder = (Reachable(mailboxId) ?? throw new KeyNotFoundException($"Mailbox {mailboxId} cannot be reached.")).Find(wellKnownName);
            return Task.FromResult(folder?.Id ?? throw new KeyNotFoundException($"Mailbox {mailboxId} has no folder '{wellKnownName}'."));
        }
    }

    public Task<MessageLocation?> GetLocationAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_failingSearches.GetValueOrDefault(mailboxId) is { } error) throw error;
            var message = Reachable(mailboxId)?.Messages.GetValueOrDefault(messageId);
            return Task.FromResult(message is null ? null : new MessageLocation(mailboxId, message.Id, message.Folder.Id) { IsMeetingRequest = StoredMessage.IsMeetingRequestClass(message.ItemClass) });
        }
    }

    public Task<string?> FindMailboxIdAsync(string address, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_mailboxes.GetValueOrDefault(address)?.Id);
    }

    public Task<IReadOnlyList<string>> FindRecipientMailboxesAsync(string address, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<string> found = _addressBook.GetValueOrDefault(address) switch
            {
                Mailbox user => [user.Id],
                Group group => TransitiveUsers(group),
                // A user principal name or user id that is none of the user's mail addresses; a contact finds nobody.
                Recipient => [],
                null => _mailboxes.GetValueOrDefault(address) is { } named ? [named.Id] : [],
            };
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlySet<string>> GetMailboxAddressesAsync(string mailboxId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var mailbox = Require(mailboxId);
            IReadOnlySet<string> addresses = _addressBook.Where(a => ReferenceEquals(a.Value, mailbox))
                .Select(a => a.Key.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            return Task.FromResult(addresses);
        }
    }

    // Found by display name among the hidden folders at the top of the tree, as the Graph gateway finds it: a folder
    // the user sees is never taken, and when one holds the name a hidden one with a random suffix is made beside it.
    public Task<string> EnsureHiddenFolderAsync(string mailboxId, string displayName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var mailbox = Reachable(mailboxId) ?? throw new KeyNotFoundException($"Mailbox {mailboxId} cannot be reached.");
            var hidden = mailbox.Folders.Where(f => f.IsHidden && f.WellKnownName is null).ToList();
            var folder = hidden.Find(f => string.Equals(f.DisplayName, displayName, StringComparison.OrdinalIgnoreCase))
                ?? hidden.Find(f => f.DisplayName.StartsWith(displayName + " ", StringComparison.OrdinalIgnoreCase));
            if (folder is null)
            {
                var taken = mailbox.Folders.Any(f => string.Equals(f.DisplayName, displayName, StringComparison.OrdinalIgnoreCase));
                folder = new Folder(NewId("folder"), taken ? $"{displayName} {RandomNumberGenerator.GetHexString(8, lowercase: true)}" : displayName, WellKnownName: null, IsHidden: true);
                mailbox.Folders.Add(folder);
            }
            return Task.FromResult(folder.Id);
        }
    }

    public Task<MeetingDecline> DeclineMeetingAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_failing.GetValueOrDefault(messageId) is { } error) throw error;
            if (!_calendarsPermitted) return Task.FromResult(MeetingDecline.NotPermitted);
            return Task.FromResult(Require(mailboxId).CalendarEntries.Remove(messageId) ? MeetingDecline.Declined : MeetingDecline.NoEntry);
        }
    }

    public Task<bool> SoftDeleteAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_failing.GetValueOrDefault(messageId) is { } error) throw error;
            if (_vanishing.Contains(messageId)) Reachable(mailboxId)?.Messages.Remove(messageId);
            if (Reachable(mailboxId) is not { } mailbox || mailbox.Messages.GetValueOrDefault(messageId) is not { } message) return Task.FromResult(false);
            message.Folder = mailbox.Find(RecoverableItemsDeletions)!;
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<MoveOutcome>> MoveAllAsync(string mailboxId, IReadOnlyList<string> messageIds, string destinationFolderId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _moveRequests);
        return MoveOutcome.OneByOneAsync(this, mailboxId, messageIds, destinationFolderId, cancellationToken);
    }

    public Task<string?> MoveAsync(string mailboxId, string messageId, string destinationFolderId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_failing.GetValueOrDefault(messageId) is { } error) throw error;
            if (_vanishing.Contains(messageId)) Reachable(mailboxId)?.Messages.Remove(messageId);
            if (Reachable(mailboxId) is not { } mailbox || mailbox.Messages.GetValueOrDefault(messageId) is not { } message)
            {
                return Task.FromResult<string?>(null);
            }
            if (mailbox.Find(destinationFolderId) is not { } destination) throw new DestinationFolderMissingException(mailboxId, destinationFolderId);
            message.Folder = destination;
            _moves++;
            return Task.FromResult<string?>(message.Id);
        }
    }

    private static string NewId(string kind) => $"{kind}-{Guid.NewGuid():N}";

    private static MimeMessage Parse(string mime) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mime)));

    private Mailbox Require(string mailboxId) => _mailboxes.GetValueOrDefault(mailboxId) ?? throw new KeyNotFoundException($"No mailbox {mailboxId}.");

    private Mailbox? Reachable(string mailboxId) => _mailboxes.GetValueOrDefault(mailboxId) is { Reachable: true } mailbox ? mailbox : null;

    // One address book for every kind of recipient, as in Exchange: an address belongs to one recipient.
    private void Claim(string address, Recipient recipient)
    {
        if (!_addressBook.TryAdd(address, recipient) && !ReferenceEquals(_addressBook[address], recipient))
        {
            throw new InvalidOperationException($"The address {address} belongs to another recipient already.");
        }
    }

    private List<string> TransitiveUsers(Group group)
    {
        var users = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Group>([group]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var id in next.Members.Where(seen.Add))
            {
                if (_mailboxes.GetValueOrDefault(id) is { } user) users.Add(user.Id);
                else if (_groups.GetValueOrDefault(id) is { } nested) pending.Enqueue(nested);
            }
        }
        return users;
    }

    private class Recipient(string id, string primary)
    {
        public string Id { get; } = id;

        public string Primary { get; } = primary;
    }

    private sealed class Mailbox(string id, string userPrincipalName, bool reachable) : Recipient(id, userPrincipalName)
    {
        public bool Reachable { get; } = reachable;

        public List<Folder> Folders { get; } = [];

        public Dictionary<string, Message> Messages { get; } = new(StringComparer.Ordinal);

        public HashSet<string> CalendarEntries { get; } = new(StringComparer.Ordinal);

        public Folder? Find(string idOrWellKnownName) =>
            Folders.Find(f => f.Id == idOrWellKnownName) ?? Folders.Find(f => string.Equals(f.WellKnownName, idOrWellKnownName, StringComparison.OrdinalIgnoreCase));
    }

    private sealed class Group(string id, string mail) : Recipient(id, mail)
    {
        public List<string> Members { get; } = [];
    }

    // As Graph renders a message: the HTML alternative when there is one, and only files attached count as attachments.
    private static ShownContent Shown(string mime)
    {
        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mime)));
        var senders = ShownSenders.Of(message);
        return new ShownContent(message.Subject ?? "", message.HtmlBody ?? message.TextBody ?? "", message.HtmlBody is not null, message.Attachments.Any(),
            Letterhead.Of(message.Subject, senders)) { Senders = senders };
    }

    private sealed record Folder(string Id, string DisplayName, string? WellKnownName, bool IsHidden);

    private sealed class Message(string id, string mime, string? internetMessageId, DateTimeOffset receivedAt)
    {
        public string Id { get; } = id;

        public string Mime { get; } = mime;

        public string? InternetMessageId { get; } = internetMessageId;

        public DateTimeOffset ReceivedAt { get; } = receivedAt;

        public required DateTimeOffset CreatedAt { get; init; }

        public required Folder Folder { get; set; }

        public string ItemClass { get; init; } = NoteClass;
    }
}
