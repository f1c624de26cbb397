using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Reliability;

/// <summary>The SOC's way back from a poison queue: its messages return to their queue and the stage processes them.</summary>
public sealed class PoisonRedriveTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Domain = Domain,
        Mailboxes = [("adele", "Adele Vance")],
        Settings = new Dictionary<string, string?> { ["LocalHost:PoisonCheckInterval"] = "00:00:00" },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task RedriveAsync_ScanRequestsInThePoisonQueue_GoBackAndAreScanned()
    {
        // A mailbox added after the subscriptions were made: its mail reaches the pipeline only through the redrive.
        _tenant.Simulator.Tenant.AddMailbox($"megan@{Domain}", "Megan Bowen");
        var copies = Enumerable.Range(1, 3)
            .Select(i => Assert.Single(_tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.Ordinary(Domain, i, "adele", "megan"))))
            .ToList();
        var queues = new QueueServiceClient(_tenant.AzuriteConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var poison = queues.GetQueueClient(WorkQueueNames.PoisonOf(WorkQueueNames.ScanRequests));
        await poison.CreateIfNotExistsAsync();
        foreach (var copy in copies)
        {
            await poison.SendMessageAsync(WorkItemJson.Serialize(new ScanRequest(copy.MailboxId, copy.ImmutableId, null, DateTimeOffset.UtcNow)));
        }

        var moved = await PoisonQueueRedrive.RedriveAsync(queues, WorkQueueNames.ScanRequests, CancellationToken.None);

        Assert.Equal(3, moved);
        Assert.Equal(0, _tenant.QueueLength(poison.Name));
        await Eventually.AssertAsync(() => copies.All(Scanned), () => $"{copies.Count(c => !Scanned(c))} redriven messages not scanned", TimeSpan.FromSeconds(60));
    }

    private bool Scanned(DeliveredMessage copy) =>
        _telemetry.Events(PipelineEvents.MessageScanned).Any(e => e[PipelineEventProperties.MessageId] == copy.ImmutableId);
}
