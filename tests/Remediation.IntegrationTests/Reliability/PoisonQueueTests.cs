using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Reliability;

/// <summary>
/// A message a stage cannot process is retried, then kept in the poison queue, and the poison alert fires; the watch
/// keeps watching after storage was away.
/// </summary>
public sealed class PoisonQueueTests : IAsyncLifetime
{
    private readonly RecordingTelemetry _telemetry = new();
    private readonly CapturedLogs _logs = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("adele", "Adele Vance")],
        Settings = new Dictionary<string, string?>
        {
            ["LocalHost:MaxDequeueCount"] = "2",
            ["LocalHost:PoisonCheckInterval"] = "00:00:00.500",
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    }, logging => logging.AddProvider(_logs));

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task ScanStage_MessageItCannotRead_EndsInPoisonQueueAndRaisesTheAlert()
    {
        var queues = new QueueServiceClient(_tenant.AzuriteConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queues.GetQueueClient(WorkQueueNames.ScanRequests).SendMessageAsync("{\"mailboxId\": 42, this is not a scan request");
        var poison = queues.GetQueueClient(WorkQueueNames.PoisonOf(WorkQueueNames.ScanRequests));

        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.PoisonMessage).Count > 0, "the poison alert fired", TimeSpan.FromSeconds(60));

        var alert = _telemetry.Events(PipelineEvents.PoisonMessage)[0];
        Assert.Equal(WorkQueueNames.PoisonOf(WorkQueueNames.ScanRequests), alert[PipelineEventProperties.Queue]);
        var kept = Assert.Single((await poison.PeekMessagesAsync(10)).Value);
        Assert.Contains("this is not a scan request", kept.Body.ToString(), StringComparison.Ordinal);
        // Retried: the scan stage failed on it as often as the host allows (LocalHost:MaxDequeueCount) before giving it up.
        Assert.Equal(2, _logs.Lines.Count(line => line.Contains("Executed 'Scan' (Failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PoisonWatch_StorageAwayForSomeChecks_AlertsOnceItIsBack()
    {
        // Checks fail while the emulator is down (each gives up within a second); each failure is logged.
        await _tenant.Azurite.StopAsync();
        await Eventually.AssertAsync(() => FailedChecks() >= 2, "two failed poison checks are logged", TimeSpan.FromSeconds(30));
        await _tenant.Azurite.RestartAsync();

        var poison = new QueueClient(_tenant.AzuriteConnectionString, WorkQueueNames.PoisonOf(WorkQueueNames.RemediationJobs));
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("a job no attempt could finish");

        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.PoisonMessage).Count > 0, "the poison watch still runs after failed checks", TimeSpan.FromSeconds(30));
    }

    private int FailedChecks() => _logs.Lines.Count(line => line.Contains("Timer PoisonQueueWatch failed", StringComparison.Ordinal));
}
