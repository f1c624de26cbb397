using System.Collections.Concurrent;
using Remediation.TenantSimulator.Model;
using Remediation.TenantSimulator.Notifications;
using Remediation.TenantSimulator.Throttling;
using Remediation.TenantSimulator.Transport;

namespace Remediation.TenantSimulator;

/// <summary>The tenant behind the simulated Graph: its mailboxes, subscriptions and what tests do to them. Thread-safe.</summary>
public sealed class SimulatedTenant
{
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

    /// <summary>Adds a user with a mailbox holding the well-known folders.</summary>
    /// <param name="access">Whether the app can reach the mailbox; every user is listed under <c>/users</c> either way.</param>
    public SimulatedMailbox AddMailbox(string userPrincipalName, string displayName, MailboxAccess access = MailboxAccess.Enabled)
    {
        var mailbox = new SimulatedMailbox(Guid.NewGuid().ToString(), userPrincipalName, displayName, timeProvider, notifications.MessageCreated) { Access = access };
        lock (gate)
        {
            if (!mailboxesByIdOrUpn.TryAdd(userPrincipalName, mailbox))
            {
                throw new InvalidOperationException($"A mailbox for {userPrincipalName} exists already.");
            }

            mailboxesByIdOrUpn[mailbox.Id] = mailbox;
            mailboxes.Add(mailbox);
        }

        return mailbox;
    }

    /// <summary>The mailbox with that user id or user principal name, or null.</summary>
    public SimulatedMailbox? FindMailbox(string idOrUserPrincipalName) =>
        mailboxesByIdOrUpn.GetValueOrDefault(idOrUserPrincipalName);

    /// <summary>
    /// Delivers a message as Exchange Online transport does: stamps its headers, drops Bcc, and stores one copy in the
    /// Inbox of every To, Cc and Bcc recipient that has a mailbox here.
    /// </summary>
    public IReadOnlyList<DeliveredMessage> DeliverThroughTransport(string mime) => DeliverThroughTransport(mime, TransportEnvelope.Default);

    public IReadOnlyList<DeliveredMessage> DeliverThroughTransport(string mime, TransportEnvelope envelope)
    {
        var stamped = transport.Stamp(mime, envelope);
        return
        [
            .. stamped.RecipientAddresses
                .Select(FindMailbox)
                .OfType<SimulatedMailbox>()
                .Distinct()
                .Select(mailbox => Delivered(mailbox.Store(
                    stamped.Mime, stamped.Content, mailbox.FindFolder(WellKnownFolders.Inbox)!, stamped.NetworkMessageId))),
        ];
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
        var sent = Delivered(target.Store(draft.Mime, MessageContent.FromMime(draft.Mime), target.FindFolder(WellKnownFolders.SentItems)!, networkMessageId: null));
        return (sent, DeliverThroughTransport(draft.Mime));
    }

    /// <summary>The messages in a folder given by well-known name, id or display name, newest first.</summary>
    public IReadOnlyList<StoredMessageView> MessagesIn(string mailbox, string folder)
    {
        var target = RequireMailbox(mailbox);
        return target.ListMessages(target.FindFolder(target.ResolveFolderId(folder)));
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

    private SimulatedMailbox RequireMailbox(string idOrUserPrincipalName) =>
        FindMailbox(idOrUserPrincipalName) ?? throw new KeyNotFoundException($"No mailbox {idOrUserPrincipalName}.");

    private static DeliveredMessage Delivered(StoredMessageView view) =>
        new(view.MailboxId, view.MessageId, view.ImmutableId, view.InternetMessageId);
}
