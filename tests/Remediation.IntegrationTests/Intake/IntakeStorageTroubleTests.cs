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

    private AzuriteProcess _azurite = null!;
    private NotificationIntake _sut = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(persistent: true);
        var tables = new TableServiceClient(_azurite.ConnectionString);
        await tables.CreateTableIfNotExistsAsync(TableNames.Subscriptions);
        var registry = new TableSubscriptionRegistry(tables);
        await registry.SaveAsync(new MailboxSubscription(Mailbox, Subscription, DateTimeOffset.UtcNow.AddDays(1)), CancellationToken.None);
        var known = new KnownSubscriptions(registry, TimeProvider.System);
        // The subscription is known before the trouble starts: what fails below is the queue.
        Assert.Equal(Mailbox, await known.MailboxOfAsync(Subscription, CancellationToken.None));
        var queues = StorageClients.CreateQueueService(new ConfigurationBuilder()
            .AddInMemoryCollection([new(StorageClients.ConnectionName, _azurite.ConnectionString)]).Build());
        _sut = new NotificationIntake(
            new StorageWorkQueue(queues), known,
            Options.Create(new TenantOptions { TenantId = TenantId, ClientState = ClientState }),
            Options.Create(new IntakeOptions { StorageBudget = Budget }),
            new RecordingTelemetry(), TimeProvider.System, NullLogger<NotificationIntake>.Instance);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task HandleAsync_StorageAwayAtTheFirstRequest_Answers503FastAndRecoversWithoutARestart()
    {
        await _azurite.StopAsync();

        var (status, elapsed) = await PostAsync("msg-1");
        Assert.Equal(503, status);
        Assert.True(elapsed < WellUnderRetries, $"answered after {elapsed.TotalSeconds:F1} s");

        await _azurite.RestartAsync();
        Assert.Equal(202, (await PostAsync("msg-1")).Status);
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

    private async Task<(int Status, TimeSpan Elapsed)> PostAsync(string messageId)
    {
        var body = $$$"""{"value":[{"subscriptionId":"{{{Subscription}}}","clientState":"{{{ClientState}}}","tenantId":"{{{TenantId}}}","changeType":"created","resource":"Users/{{{Mailbox}}}/Messages/{{{messageId}}}","resourceData":{"id":"{{{messageId}}}"}}]}""";
        var clock = Stopwatch.StartNew();
        var response = await _sut.HandleNotificationsAsync(null, "application/json", new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
        return (response.StatusCode, clock.Elapsed);
    }
}
