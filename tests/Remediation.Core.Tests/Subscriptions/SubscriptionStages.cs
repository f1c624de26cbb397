using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Subscriptions;
using Remediation.Core.Verdicts;

namespace Remediation.Core.Tests.Subscriptions;

/// <summary>
/// The subscription stages wired to the in-memory twins, one clock for all: what a test arranges in the twins is what
/// the stages find, and what they did is read back from the twins, the queue and the recorded events.
/// </summary>
internal sealed class SubscriptionStages
{
    public const string NotificationUrl = "https://remediation.contoso.example/api/notifications";
    public const string LifecycleNotificationUrl = "https://remediation.contoso.example/api/lifecycle?source=graph";
    public const string ClientState = "client-state-of-the-tenant";

    public SubscriptionStages()
    {
        Graph = new InMemorySubscriptionGateway(Clock);
        Mailboxes = new InMemoryMailboxGateway(Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    public InMemorySubscriptionGateway Graph { get; }

    public InMemoryMailboxGateway Mailboxes { get; }

    public InMemorySubscriptionRegistry Registry { get; } = new();

    /// <summary>The quarantine folders the remediation stage kept.</summary>
    public InMemoryHiddenFolderIds HiddenFolders { get; } = new();

    public InMemoryWorkQueue Queue { get; } = new();

    public RecordingTelemetry Telemetry { get; } = new();

    /// <summary>The verdicts of messages the pipeline has scanned already.</summary>
    public InMemoryVerdictStore Verdicts { get; } = new();

    public SubscriptionOptions Options { get; } = new()
    {
        NotificationUrl = NotificationUrl,
        LifecycleNotificationUrl = LifecycleNotificationUrl,
        FunctionKey = "key/1",
    };

    public RemediationOptions Remediation { get; } = new();

    public SubscriptionKeeper Keeper() => new(
        Graph, Mailboxes, Registry, Queue, Telemetry, Microsoft.Extensions.Options.Options.Create(Options),
        Microsoft.Extensions.Options.Options.Create(new TenantOptions { ClientState = ClientState }), Clock, NullLogger<SubscriptionKeeper>.Instance);

    public MailboxResync Resync() => new(
        Graph, Registry, HiddenFolders, Verdicts, Queue, Telemetry, Microsoft.Extensions.Options.Options.Create(Options),
        Microsoft.Extensions.Options.Options.Create(Remediation), Clock, NullLogger<MailboxResync>.Instance);

    public SubscriptionEventHandler Handler() => new(Graph, Registry, Keeper(), Resync(), NullLogger<SubscriptionEventHandler>.Instance);

    public MailboxReconciliation Reconciliation() => new(
        Registry, Resync(), Telemetry, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<MailboxReconciliation>.Instance);

    /// <summary>A user with a reachable mailbox, known to both twins by the same id.</summary>
    public string AddMailbox(string? userPrincipalName = null)
    {
        var id = Mailboxes.AddMailbox(userPrincipalName ?? $"user{Guid.NewGuid():N}@contoso.example");
        return Graph.AddMailbox(userId: id);
    }

    /// <summary>A mailbox with a live subscription, as a keeper run leaves it; returns it as registered.</summary>
    public async Task<MailboxSubscription> SubscribedAsync(string? mailboxId = null)
    {
        var mailbox = mailboxId ?? AddMailbox();
        var subscription = await Graph.CreateAsync(mailbox,
            new SubscriptionRequest(NotificationUrl, LifecycleNotificationUrl, ClientState, Clock.GetUtcNow() + Options.Lifetime), CancellationToken.None);
        await Registry.SaveAsync(subscription, CancellationToken.None);
        return subscription;
    }

    public IReadOnlyList<ScanRequest> QueuedScans() => Queue.Drain<ScanRequest>(WorkQueueNames.ScanRequests);

    public IReadOnlyList<SubscriptionEvent> QueuedEvents() => Queue.Drain<SubscriptionEvent>(WorkQueueNames.SubscriptionEvents);

    public async Task<IReadOnlyList<MailboxSubscription>> RegisteredAsync()
    {
        var registered = new List<MailboxSubscription>();
        await foreach (var subscription in Registry.ListAsync(CancellationToken.None)) registered.Add(subscription);
        return registered;
    }

    /// <summary>Records the message as scanned in its mailbox, as the scan stage does last.</summary>
    public Task ScannedAsync(string mailboxId, string messageId) =>
        Verdicts.SaveAsync(new VerdictRecord(mailboxId, messageId, null, VerdictBand.Clean, ThreatCategory.Clean, 0, [], Clock.GetUtcNow()), CancellationToken.None);
}
