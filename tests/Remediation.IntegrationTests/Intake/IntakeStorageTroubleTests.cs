using System.Diagnostics;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Remediation.Core;
using Remediation.Core.Intake;
using Remediation.Core.Subscriptions;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;
using Remediation.LocalHost;

namespace Remediation.IntegrationTests.Intake;

/// <summary>
/// Storage trouble at the webhook, with the storage clients' production retry settings: Graph wants an answer within
/// 3 s, so the webhook answers 503 within its budget (Graph delivers again) and recovers without a restart.
/// </summary>
public sealed class IntakeStorageTroubleTests : IAsyncLifetime
{
    private const string TenantId = "7d9a1c2e-0000-4000-8000-000000000003";
    private const string ClientState = "storage-trouble-client-state";
    private const string Mailbox = "6a1e3c5b-0000-4000-8000-0000000000b1";
    private const string Subscription = "sub-trouble";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    // The storage clients' own retries would take about 40 s; anything near the budget shows they were cut short.
    private static readonly TimeSpan WellUnderRetries = TimeSpan.FromSeconds(5);
    // Three retries with delays of at most 1 s each, against a port that refuses at once.
    private static readonly TimeSpan OpenRetriesExhausted = TimeSpan.FromSeconds(6);
    // The first call to an emulator just started can take over the webhook's budget on a busy machine; recovery is
    // shown by a delivery that waits for it, while a failed open that was kept would still fail it at once.
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(15);

    private AzuriteProcess _azurite = null!;
    private KnownSubscriptions _known = null!;
    private StorageWorkQueue _workQueue = null!;
    private NotificationIntake _sut = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(persistent: true);
        var tables = new TableServiceClient(_azurite.ConnectionString);
        await tables.CreateTableIfNotExistsAsync(TableNames.Subscriptions);
        var registry = new TableSubscriptionRegistry(tables);
        await registry.SaveAsync(new MailboxSubscription(Mailbox, Subscription, DateTimeOffset.UtcNow.AddDays(1)), CancellationToken.None);
        _known = new KnownSubscriptions(registry, TimeProvider.System);
        // The subscription is known before the trouble starts: what fails below is the queue.
        Assert.Equal(Mailbox, await _known.MailboxOfAsync(Subscription, CancellationToken.None));
        _workQueue = new StorageWorkQueue(StorageClients.CreateQueueService(new ConfigurationBuilder()
            .AddInMemoryCollection([new(StorageClients.ConnectionName, _azurite.ConnectionString)]).Build()));
        _sut = Intake(Budget);
    }

    // Intakes of one process share its work queue, as the host's singletons do.
    private NotificationIntake Intake(TimeSpan storageBudget) => new(
        _workQueue, _known,
        Options.Create(new TenantOptions { TenantId = TenantId, ClientState = ClientState }),
        Options.Create(new IntakeOptions { StorageBudget = storageBudget }),
        new RecordingTelemetry(), TimeProvider.System, NullLogger<NotificationIntake>.Instance);

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task HandleAsync_StorageAwayAtTheFirstRequest_Answers503FastAndRecoversWithoutARestart()
    {
        await _azurite.StopAsync();

        var (status, elapsed) = await PostAsync("msg-1");
        Assert.Equal(503, status);
        Assert.True(elapsed < WellUnderRetries, $"answered after {elapsed.TotalSeconds:F1} s");

        await _azurite.RestartAsync();
        Assert.Equal(202, (await PostAsync("msg-1", Intake(Recovery))).Status);
    }

    [Fact]
    public async Task HandleAsync_QueueOpenFailsAfterTheWebhookGaveUp_TheFirstDeliveryAfterStorageReturnsIsAccepted()
    {
        var impatient = Intake(TimeSpan.FromMilliseconds(20));
        await _azurite.StopAsync();
        Assert.Equal(503, (await PostAsync("msg-3", impatient)).Status);

        // The webhook gave up before the queue open it started had tried a second time; the open went on retrying
        // in the background and, with storage refusing connections, has failed well before this.
        await Task.Delay(OpenRetriesExhausted);
        await _azurite.RestartAsync();

        Assert.Equal(202, (await PostAsync("msg-3", Intake(Recovery))).Status);
    }

    [Fact]
    public async Task HandleAsync_StorageHangs_Answers503WithinTheBudgetAndAcceptsOnceItAnswers()
    {
        await _azurite.PauseAsync();
        try
        {
            var (status, elapsed) = await PostAsync("msg-2");
            Assert.Equal(503, status);
            Assert.True(elapsed < WellUnderRetries, $"answered after {elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            await _azurite.ResumeAsync();
        }

        Assert.Equal(202, (await PostAsync("msg-2")).Status);
    }

    private Task<(int Status, TimeSpan Elapsed)> PostAsync(string messageId) => PostAsync(messageId, _sut);

    private static async Task<(int Status, TimeSpan Elapsed)> PostAsync(string messageId, NotificationIntake intake)
    {
        var body = $$$"""{"value":[{"subscriptionId":"{{{Subscription}}}","clientState":"{{{ClientState}}}","tenantId":"{{{TenantId}}}","changeType":"created","resource":"Users/{{{Mailbox}}}/Messages/{{{messageId}}}","resourceData":{"id":"{{{messageId}}}"}}]}""";
        var clock = Stopwatch.StartNew();
        var response = await intake.HandleNotificationsAsync(null, "application/json", new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
        return (response.StatusCode, clock.Elapsed);
    }
}
