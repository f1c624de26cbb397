using System.Collections.Concurrent;
using Remediation.TenantSimulator.Model;
using Remediation.TenantSimulator.Notifications;
using Remediation.TenantSimulator.Throttling;
using Remediation.TenantSimulator.Transport;

namespace Remediation.TenantSimulator;

/// <summary>The tenant behind the simulated Graph: its mailboxes, subscriptions and what tests do to them. Thread-safe.</summary>
public sealed class SimulatedTenant
{
    // Where Exchange keeps Teams chat messages; hidden from mail clients.
    private const string TeamsChatFolder = "TeamsMessagesData";

    private readonly Lock gate = new();
    private readonly List<SimulatedMailbox> mailboxes = [];
    private readonly ConcurrentDictionary<string, SimulatedMailbox> mailboxesByIdOrUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> revokedSignInSessions = new();
    private int revocationFaultsLeft;
    private readonly TimeProvider timeProvider;
    private readonly TransportStamper transport;
    private readonly SubscriptionRegistry subscriptions;
    private readonly ChangeNotificationRouter notifications;
    private readonly LifecycleEvents lifecycleEvents;
    private readonly TenantDirectory directory;
    private readonly FaultInjector faults;

    internal SimulatedTenant(
        SimulatorOptions options,
        TimeProvider timeProvider,
        TransportStamper transport,
        SubscriptionRegistry subscriptions,
        ChangeNotificationRouter notifications,
        LifecycleEvents lifecycleEvents,
        FaultInjector faults)
    {
        TenantId = options.TenantId;
        this.timeProvider = timeProvider;
        this.transport = transport;
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.lifecycleEvents = lifecycleEvents;
        directory = new TenantDirectory(FindMailbox);
        this.faults = faults;
    }

    public string TenantId { get; }

    public IReadOnlyList<SimulatedMailbox> Mailboxes
    {
        get
        {
            lock (gate)
            {
                return [.. mailboxes];
            }
        }
    }

    /// <summary>The mail-enabled groups: distribution lists, Microsoft 365 groups, mail-enabled security groups.</summary>
    public IReadOnlyList<SimulatedGroup> Groups => directory.Groups;

    /// <summary>The mail contacts (Graph's orgContacts).</summary>
    public IReadOnlyList<SimulatedContact> Contacts => directory.Contacts;

    /// <summary>Subscriptions not deleted or removed, expired ones included.</summary>
    public IReadOnlyList<SimulatedSubscription> Subscriptions => subscriptions.All;

    /// <summary>User ids whose sign-in sessions were revoked, in call order.</summary>
    public IReadOnlyList<string> RevokedSignInSessions => [.. revokedSignInSessions];

    /// <summary>
    /// While set, Graph silently sends no change notification at all (counted in
    /// <see cref="SimulatorMetrics.DroppedNotifications"/>): what a subscriber sees when Graph drops them without a
    /// <c>missed</c> lifecycle event.
    /// </summary>
    public bool DropChangeNotifications
    {
        get => faults.DropAllNotifications;
        set => faults.DropAllNotifications = value;
    }

    /// <summary>Adds a user with a mailbox holding the well-known folders; its primary SMTP address is the user principal name.</summary>
    /// <param name="access">
    /// Whether the app can reach the mailbox; every user is listed under <c>/users</c> either way. A user without a
    /// mailbox (<see cref="MailboxAccess.NotEnabled"/>) receives no mail.
    /// </param>
    public SimulatedMailbox AddMailbox(string userPrincipalName, string displayName, MailboxAccess access = MailboxAccess.Enabled) =>
        Add(new SimulatedMailbox(Guid.NewGuid().ToString(), userPrincipalName, displayName, timeProvider, notifications.MessageCreated) { Access = access });

    /// <summary>
    /// A shared mailbox, as Exchange makes one: a user whose account is disabled (nobody signs in as it; its delegates
    /// open it with their own accounts, over IMAP too) and whose mailbox is like any other.
    /// </summary>
    public SimulatedMailbox AddSharedMailbox(string userPrincipalName, string displayName) =>
        Add(new SimulatedMailbox(Guid.NewGuid().ToString(), userPrincipalName, displayName, timeProvider, notifications.MessageCreated) { AccountEnabled = false });

    private SimulatedMailbox Add(SimulatedMailbox mailbox)
    {
        var userPrincipalName = mailbox.UserPrincipalName;
        lock (gate)
        {
            if (!mailboxesByIdOrUpn.TryAdd(userPrincipalName, mailbox))
            {
                throw new InvalidOperationException($"A mailbox for {userPrincipalName} exists already.");
            }

            directory.Claim(userPrincipalName, mailbox);
            mailboxesByIdOrUpn[mailbox.Id] = mailbox;
            mailboxes.Add(mailbox);
        }

        return mailbox;
    }

    /// <summary>Adds an alias (<c>smtp:</c> proxy address) to a user, group or contact given by id (or a user by user principal name).</summary>
    public void AddAlias(string recipient, string address)
    {
        ClaimFor(recipient, address).AddAlias(address);
    }

    /// <summary>
    /// Makes an address the user's (or group's, or contact's) primary SMTP address, so <c>mail</c> differs from the user
    /// principal name; the former primary address stays as an alias, as Exchange keeps it.
    /// </summary>
    public void SetPrimarySmtpAddress(string recipient, string address)
    {
        ClaimFor(recipient, address).SetPrimary(address);
    }

    /// <summary>Adds a mail-enabled group, with no members yet.</summary>
    public SimulatedGroup AddGroup(string mail, string displayName, GroupKind kind = GroupKind.DistributionList) =>
        directory.AddGroup(mail, displayName, kind);

    /// <summary>Adds a mail contact for an address outside the tenant.</summary>
    public SimulatedContact AddContact(string externalAddress, string displayName) => directory.AddContact(externalAddress, displayName);

    public void AddMember(SimulatedGroup group, SimulatedMailbox user) => group.AddMember(user.Id);

    public void AddMember(SimulatedGroup group, SimulatedContact contact) => group.AddMember(contact.Id);

    /// <summary>Nests a group in another; a Microsoft 365 group cannot have groups as members.</summary>
    public void AddMember(SimulatedGroup group, SimulatedGroup nested)
    {
        if (group.Kind == GroupKind.Microsoft365 || ReferenceEquals(group, nested))
        {
            throw new InvalidOperationException($"Group {group.Addresses.Primary} cannot have {nested.Addresses.Primary} as a member.");
        }

        group.AddMember(nested.Id);
    }

    /// <summary>The group with that id, or null.</summary>
    public SimulatedGroup? FindGroup(string id) => directory.FindGroup(id);

    /// <summary>The contact with that id, or null.</summary>
    public SimulatedContact? FindContact(string id) => directory.FindContact(id);

    /// <summary>The user, group or contact (as <typeparamref name="T"/> asks) holding this address as primary or alias, or null.</summary>
    internal T? RecipientHolding<T>(string address)
        where T : class => directory.FindByAddress(address) as T;

    /// <summary>Every user in the group, through nested groups too, each once.</summary>
    public IReadOnlyList<SimulatedMailbox> TransitiveMembers(SimulatedGroup group) => directory.TransitiveUsers(group);

    /// <summary>The mailbox with that user id or user principal name, or null.</summary>
    public SimulatedMailbox? FindMailbox(string idOrUserPrincipalName) =>
        mailboxesByIdOrUpn.GetValueOrDefault(idOrUserPrincipalName);

    /// <summary>
    /// Delivers a message as Exchange Online transport does: stamps its headers, drops Bcc, and stores one copy in the
    /// Inbox of every mailbox a To, Cc or Bcc address reaches: the user holding it as primary address or alias, and every
    /// member of a group, nested groups expanded. A mailbox reached twice gets one copy; contacts and outside addresses none.
    /// </summary>
    public IReadOnlyList<DeliveredMessage> DeliverThroughTransport(string mime) => DeliverThroughTransport(mime, TransportEnvelope.Default);

    public IReadOnlyList<DeliveredMessage> DeliverThroughTransport(string mime, TransportEnvelope envelope) =>
        DeliverThroughTransport(mime, envelope, envelopeRecipients: null);

    /// <summary>
    /// Delivers to the SMTP envelope's recipients alone, whatever the To, Cc and Bcc headers say, as transport does: the
    /// sender writes the headers and the envelope apart.
    /// </summary>
    public IReadOnlyList<DeliveredMessage> DeliverThroughTransportTo(IEnumerable<string> envelopeRecipients, string mime) =>
        DeliverThroughTransport(mime, TransportEnvelope.Default, [.. envelopeRecipients]);

    private IReadOnlyList<DeliveredMessage> DeliverThroughTransport(string mime, TransportEnvelope envelope, IReadOnlyList<string>? envelopeRecipients)
    {
        var stamped = transport.Stamp(mime, envelope);
        return
        [
            .. (envelopeRecipients ?? stamped.RecipientAddresses)
                .SelectMany(directory.DeliveryTargets)
                .Distinct()
                .Select(mailbox => Delivered(Arrive(mailbox, stamped))),
        ];
    }

    // The Calendar Attendant acts on what transport delivers: a meeting request puts a tentative entry in the calendar.
    private static StoredMessageView Arrive(SimulatedMailbox mailbox, StampedMessage stamped)
    {
        var view = mailbox.Store(stamped.Mime, stamped.Content, mailbox.FindFolder(WellKnownFolders.Inbox)!, stamped.NetworkMessageId);
        if (stamped.Content.ItemClass == ItemClasses.MeetingRequest)
        {
            mailbox.AddCalendarEntry(view);
        }

        return view;
    }

    /// <summary>
    /// Whether the app holds <c>Calendars.ReadWrite</c>: without it every calendar request is refused (403
    /// <c>ErrorAccessDenied</c>), as for an administrator who consented to mail permissions only.
    /// </summary>
    public bool CalendarsPermitted { get; set; } = true;

    /// <summary>
    /// An attendee declines a meeting from its calendar entry, as Graph's <c>event: decline</c> does: the entry leaves
    /// the calendar and, when <paramref name="sendResponse"/>, the organizer is told. False when there is no such entry.
    /// </summary>
    public bool DeclineCalendarEntry(string attendee, string eventId, bool sendResponse)
    {
        var responder = RequireMailbox(attendee);
        if (responder.RemoveCalendarEntry(eventId) is not { } entry)
        {
            return false;
        }

        if (sendResponse)
        {
            Send(responder, MeetingMime.Reply(entry.RequestMime, responder.Mail, "DECLINED"));
        }

        return true;
    }

    /// <summary>Stores a message exactly as given, as an IMAP APPEND or an upload would: no transport stamps.</summary>
    /// <param name="folder">A folder id, well-known name or display-name path such as <c>Projects/2026</c>.</param>
    /// <param name="receivedAt">The date-time argument of the APPEND command, which the store keeps as the arrival time; now when null.</param>
    public DeliveredMessage AppendAsImap(string mailbox, string mime, string folder = WellKnownFolders.Inbox, DateTimeOffset? receivedAt = null)
    {
        var target = RequireMailbox(mailbox);
        var targetFolder = target.FindFolder(target.ResolveFolderId(folder))!;
        return Delivered(target.Store(mime, MessageContent.FromMime(mime), targetFolder, networkMessageId: null, receivedAt));
    }

    /// <summary>A user composing a message: Outlook saves it in Drafts, where nothing passed transport.</summary>
    public DeliveredMessage SaveDraft(string mailbox, string mime)
    {
        var target = RequireMailbox(mailbox);
        return Delivered(target.Store(mime, MessageContent.FromMime(mime), target.FindFolder(WellKnownFolders.Drafts)!, networkMessageId: null));
    }

    /// <summary>
    /// The user sends a draft as Exchange does: the draft is gone, the sent copy is a new item (with a new immutable
    /// id) in Sent Items, and transport delivers the message to its recipients in the tenant.
    /// </summary>
    /// <returns>The Sent Items copy, then the recipients' copies.</returns>
    public (DeliveredMessage SentCopy, IReadOnlyList<DeliveredMessage> Delivered) SendDraft(string mailbox, string draftId)
    {
        var target = RequireMailbox(mailbox);
        var draft = target.FindMessage(draftId) ?? throw new KeyNotFoundException($"No draft {draftId} in {mailbox}.");
        target.PermanentlyDelete(draftId);
        return Send(target, draft.Mime);
    }

    /// <summary>
    /// A user invites colleagues as Outlook does: the request goes through transport to each attendee (an
    /// <c>eventMessageRequest</c> in their Inbox) and a copy stays in the organizer's Sent Items.
    /// </summary>
    public (DeliveredMessage SentCopy, IReadOnlyList<DeliveredMessage> Delivered) SendMeetingRequest(
        string organizer, string subject, DateTimeOffset start, params string[] attendees)
    {
        var sender = RequireMailbox(organizer);
        return Send(sender, MeetingMime.Request(sender.Mail, attendees, subject, start));
    }

    /// <summary>
    /// An attendee answers a meeting request: Outlook moves the request to Deleted Items, keeps the response in Sent
    /// Items and transport takes it to the organizer.
    /// </summary>
    /// <param name="partStat">ACCEPTED, TENTATIVE or DECLINED.</param>
    public (DeliveredMessage SentCopy, IReadOnlyList<DeliveredMessage> Delivered) RespondToMeeting(string attendee, string requestId, string partStat = "ACCEPTED")
    {
        var responder = RequireMailbox(attendee);
        var request = responder.FindMessage(requestId) ?? throw new KeyNotFoundException($"No meeting request {requestId} in {attendee}.");
        var reply = MeetingMime.Reply(request.Mime, responder.Mail, partStat);
        responder.Move(requestId, responder.FindFolder(WellKnownFolders.DeletedItems)!);
        return Send(responder, reply);
    }

    /// <summary>
    /// A Teams chat message, which Exchange keeps in a hidden folder of the mailbox for compliance: Graph lists it
    /// among the mailbox's messages (subject "IM" or empty), but its MIME cannot be read.
    /// </summary>
    public DeliveredMessage PostTeamsChat(string mailbox, string fromAddress, string text)
    {
        var target = RequireMailbox(mailbox);
        var folder = target.CreateFolder(parentId: null, TeamsChatFolder, isHidden: true) ?? target.FindFolder(target.ResolveFolderId(TeamsChatFolder))!;
        var mime = $"From: {fromAddress}\r\nTo: {target.Mail}\r\nSubject: IM\r\nMessage-ID: <{Guid.NewGuid():N}@teams.simulated>\r\n" +
            $"Content-Type: text/html; charset=utf-8\r\n\r\n<div>{System.Net.WebUtility.HtmlEncode(text)}</div>\r\n";
        var content = MessageContent.FromMime(mime) with { ItemClass = ItemClasses.TeamsChat };
        return Delivered(target.Store(mime, content, folder, networkMessageId: null));
    }

    /// <summary>
    /// A user sends a message as Graph's sendMail does: a copy is kept in Sent Items and transport delivers it, stamped
    /// as the signed-in user's internal mail, to the recipients in the tenant.
    /// </summary>
    /// <returns>The Sent Items copy, then the recipients' copies.</returns>
    public (DeliveredMessage SentCopy, IReadOnlyList<DeliveredMessage> Delivered) SendMail(string mailbox, string mime) => Send(RequireMailbox(mailbox), mime);

    private (DeliveredMessage SentCopy, IReadOnlyList<DeliveredMessage> Delivered) Send(SimulatedMailbox sender, string mime)
    {
        var sent = Delivered(sender.Store(mime, MessageContent.FromMime(mime), sender.FindFolder(WellKnownFolders.SentItems)!, networkMessageId: null));
        return (sent, DeliverThroughTransport(mime, TransportEnvelope.Internal));
    }

    /// <summary>
    /// A user or an administrator deletes a folder (not a well-known one) with the folders under it; their messages go
    /// to Recoverable Items. Ids of the deleted folders no longer resolve.
    /// </summary>
    /// <param name="folder">A folder id or display-name path such as <c>Projects/2026</c>.</param>
    public void DeleteFolder(string mailbox, string folder)
    {
        var target = RequireMailbox(mailbox);
        if (!target.DeleteFolder(target.ResolveFolderId(folder)))
        {
            throw new InvalidOperationException($"Folder '{folder}' of {mailbox} is a well-known folder, which cannot be deleted.");
        }
    }

    /// <summary>The messages in a folder given by well-known name, id or display name, newest first.</summary>
    public IReadOnlyList<StoredMessageView> MessagesIn(string mailbox, string folder)
    {
        var target = RequireMailbox(mailbox);
        return target.ListMessages(target.FindFolder(target.ResolveFolderId(folder)));
    }

    /// <summary>
    /// What Exchange does once the deleted-item retention (14 days by default) has passed: soft-deleted items leave
    /// Recoverable Items for good.
    /// </summary>
    /// <returns>How many items were purged.</returns>
    public int PurgeRecoverableItems(string mailbox)
    {
        var target = RequireMailbox(mailbox);
        var deleted = target.ListMessages(target.FindFolder(WellKnownFolders.RecoverableItemsDeletions));
        return deleted.Count(message => target.PermanentlyDelete(message.MessageId));
    }

    /// <summary>A message found by its current regular id or its immutable id.</summary>
    public StoredMessageView? FindMessage(string mailbox, string messageId) => RequireMailbox(mailbox).FindMessage(messageId);

    /// <summary>
    /// Raises <c>reauthorizationRequired</c>, <c>subscriptionRemoved</c> (which also removes the subscription) or
    /// <c>missed</c>; the notification goes to the lifecycle URL in the background.
    /// </summary>
    public Task RaiseLifecycleEventAsync(string subscriptionId, string lifecycleEvent)
    {
        if (!lifecycleEvents.Raise(subscriptionId, lifecycleEvent))
        {
            throw new KeyNotFoundException($"No live subscription {subscriptionId}.");
        }

        return Task.CompletedTask;
    }

    /// <summary>The next <paramref name="count"/> calls to revokeSignInSessions fail with 500 (which Graph clients do not retry).</summary>
    public void FailSignInSessionRevocations(int count) => Volatile.Write(ref revocationFaultsLeft, count);

    internal void RecordSignInSessionsRevoked(string userId) => revokedSignInSessions.Enqueue(userId);

    /// <summary>Whether this revocation is one of those set to fail.</summary>
    internal bool TakeRevocationFault() => Interlocked.Decrement(ref revocationFaultsLeft) >= 0;

    // The address book is one for every kind of recipient: an address goes to the one that claimed it first.
    private RecipientAddresses ClaimFor(string recipient, string address)
    {
        (object Owner, RecipientAddresses Addresses) target =
            FindMailbox(recipient) is { } user ? (user, user.Addresses)
            : FindGroup(recipient) is { } group ? (group, group.Addresses)
            : FindContact(recipient) is { } contact ? (contact, contact.Addresses)
            : throw new KeyNotFoundException($"No recipient {recipient}.");
        directory.Claim(address, target.Owner);
        return target.Addresses;
    }

    private SimulatedMailbox RequireMailbox(string idOrUserPrincipalName) =>
        FindMailbox(idOrUserPrincipalName) ?? throw new KeyNotFoundException($"No mailbox {idOrUserPrincipalName}.");

    private static DeliveredMessage Delivered(StoredMessageView view) =>
        new(view.MailboxId, view.MessageId, view.ImmutableId, view.InternetMessageId);
}
