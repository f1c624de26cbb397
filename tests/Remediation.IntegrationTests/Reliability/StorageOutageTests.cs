using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;
using Xunit.Abstractions;

namespace Remediation.IntegrationTests.Reliability;

/// <summary>
/// Storage goes away in the middle of a run and comes back: the webhook refuses what it cannot queue, Graph
/// delivers it again, and in the end every message is processed and every malicious copy remediated.
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private static readonly string[] Users = ["adele", "bob", "carol", "dan", "erin", "frank"];
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Users.Select(u => (u, u))],
        PersistentStorage = true,
        Settings = new Dictionary<string, string?> { ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Pipeline_AzuriteStoppedAndRestartedMidRun_LosesNothing()
    {
        var tenant = _tenant.Simulator.Tenant;
        var before = Deliver(tenant);
        await Eventually.AssertAsync(() => _tenant.NoneIn(before.Malicious, "inbox"), "the malicious mail delivered before the outage leaves the Inbox", TimeSpan.FromSeconds(60));

        await _tenant.Azurite.StopAsync();
        var during = Deliver(tenant);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var failedDeliveries = _tenant.Simulator.Metrics.NotificationDeliveryFailures;
        await _tenant.Azurite.RestartAsync();

        var all = before.All.Concat(during.All).ToList();
        var malicious = before.Malicious.Concat(during.Malicious).ToList();
        await Eventually.AssertAsync(() => _tenant.NoneIn(malicious, "inbox") && Scanned().Count == all.Count, () => $"{Scanned().Count} of {all.Count} scanned after the restart; notifications delivered {_tenant.Simulator.Metrics.NotificationsDelivered}, " +
            $"failed {_tenant.Simulator.Metrics.NotificationDeliveryFailures}, abandoned {_tenant.Simulator.Metrics.NotificationsAbandoned}; " +
            $"scan requests waiting {new Azure.Storage.Queues.QueueServiceClient(_tenant.AzuriteConnectionString).GetQueueClient(Core.Queues.WorkQueueNames.ScanRequests).GetProperties().Value.ApproximateMessagesCount}", TimeSpan.FromSeconds(120));
        Assert.True(failedDeliveries > 0, "the webhook refused notifications while storage was down");
        Assert.True(_tenant.AllIn(before.Benign.Concat(during.Benign), "inbox"));
        Assert.Equal(all.Select(c => (c.MailboxId, c.ImmutableId)).Order(), Scanned().Order());
        output.WriteLine($"messages: {all.Count}; refused deliveries during the outage: {failedDeliveries}; scanned: {Scanned().Count}; lost: 0");
    }

    private List<(string, string)> Scanned() =>
        [.. _telemetry.Events(PipelineEvents.MessageScanned).Select(e => (e[PipelineEventProperties.MailboxId], e[PipelineEventProperties.MessageId])).Distinct()];

    private static (List<DeliveredMessage> All, List<DeliveredMessage> Malicious, List<DeliveredMessage> Benign) Deliver(SimulatedTenant tenant)
    {
        var benign = tenant.DeliverThroughTransport(SampleMail.Newsletter(Domain, Users)).ToList();
        var malicious = tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, Users)).ToList();
        return ([.. benign, .. malicious], malicious, benign);
    }
}
