using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Subscriptions;

/// <summary>Lifecycle notifications through the real webhook, queue and subscription stage.</summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] UserNames = ["adele", "bob", "carol", "dan"];
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. UserNames.Select(n => (n, n))],
        // One notification in five never arrives: only the resync after "missed" can find those messages.
        Simulator = new SimulatorOptions { DroppedNotificationRate = 0.2, Seed = 7 },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private SimulatedTenant Tenant => _tenant.Simulator.Tenant;

    [Fact]
    public async Task SubscriptionRemoved_ForOneMailbox_RecreatesItsSubscription()
    {
        var removed = Tenant.Subscriptions.First();

        await Tenant.RaiseLifecycleEventAsync(removed.Id, "subscriptionRemoved");

        await Eventually.AssertAsync(() => Tenant.Subscriptions.Any(s => s.MailboxId == removed.MailboxId && s.Id != removed.Id), "a new subscription for the mailbox", Patience);
        Assert.DoesNotContain(Tenant.Subscriptions, s => s.Id == removed.Id);
        Assert.Equal(UserNames.Length, Tenant.Subscriptions.Select(s => s.MailboxId).Distinct().Count());
    }

    [Fact]
    public async Task Missed_AfterDroppedNotifications_ScansEveryMessageExactlyOnce()
    {
        var delivered = new List<DeliveredMessage>();
        for (var i = 0; i < 40; i++)
        {
            delivered.AddRange(Tenant.DeliverThroughTransport(SampleMail.Newsletter("contoso.example", UserNames[i % UserNames.Length], UserNames[(i + 1) % UserNames.Length])));
        }
        Assert.True(_tenant.Simulator.Metrics.DroppedNotifications > 0, "the simulator dropped some notifications");
        await Eventually.AssertAsync(() => Scanned().Count + _tenant.Simulator.Metrics.DroppedNotifications >= delivered.Count && _tenant.WorkQueuesEmpty(), () => $"{Scanned().Count} scanned and {_tenant.Simulator.Metrics.DroppedNotifications} dropped of {delivered.Count} delivered", Patience);

        foreach (var subscription in Tenant.Subscriptions)
        {
            await Tenant.RaiseLifecycleEventAsync(subscription.Id, "missed");
        }

        await Eventually.AssertAsync(() => Scanned().Count >= delivered.Count, () => $"{Scanned().Count} of {delivered.Count} scanned", Patience);
        await _tenant.SettledAsync();
        var scanned = Scanned();
        Assert.Equal(delivered.Select(d => (d.MailboxId, d.ImmutableId)).Order(), scanned.Order());
    }

    private List<(string, string)> Scanned() =>
        [.. _telemetry.Events(PipelineEvents.MessageScanned).Select(e => (e[PipelineEventProperties.MailboxId], e[PipelineEventProperties.MessageId]))];
}
