using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Remediation.Core.Queues;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Reliability;

/// <summary>Work items, and the ones waiting in a poison queue above all, outlive the queue's 7-day default.</summary>
public sealed class QueueLifetimeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Century = DateTimeOffset.UtcNow.AddYears(100);

    private QueueServiceClient Queues => new(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    [Fact]
    public async Task EnqueueAsync_WorkItem_NeverExpires()
    {
        await new StorageWorkQueue(Queues).EnqueueAsync(WorkQueueNames.Campaigns, new ScanRequest("mailbox", "message", null, DateTimeOffset.UtcNow), CancellationToken.None);

        var message = Assert.Single((await Queues.GetQueueClient(WorkQueueNames.Campaigns).PeekMessagesAsync(32)).Value);
        Assert.True(message.ExpiresOn > Century, $"expires on {message.ExpiresOn}");
    }

    [Fact]
    public async Task CheckAsync_PoisonCopyWithTheDefaultLifetime_IsKeptForeverWithItsBody()
    {
        var poison = Queues.GetQueueClient(WorkQueueNames.PoisonOf(WorkQueueNames.RemediationJobs));
        await poison.CreateIfNotExistsAsync();
        // What the queue trigger does when it gives up on a message: the body alone, default lifetime.
        await poison.SendMessageAsync("a job no attempt could finish");
        await poison.SendMessageAsync("another one");
        var monitor = new PoisonQueueMonitor(Queues, new RecordingTelemetry(), NullLogger<PoisonQueueMonitor>.Instance);

        var waiting = await monitor.CheckAsync(CancellationToken.None);

        Assert.Equal(2, waiting[poison.Name]);
        var kept = (await poison.PeekMessagesAsync(32)).Value;
        Assert.Equal(["a job no attempt could finish", "another one"], kept.Select(m => m.Body.ToString()).Order());
        Assert.All(kept, m => Assert.True(m.ExpiresOn > Century, $"expires on {m.ExpiresOn}"));
    }
}
