using Remediation.Core.Queues;

namespace Remediation.IntegrationTests.Queues;

public sealed class InMemoryWorkQueueTests : WorkQueueContract
{
    private readonly InMemoryWorkQueue _queue = new();

    protected override IWorkQueue Queue => _queue;

    protected override Task<IReadOnlyList<T>> ReceiveAllAsync<T>(string queueName) => Task.FromResult(_queue.Drain<T>(queueName));

    [Fact]
    public async Task DrainLater_TakesWhatWasQueuedForLaterWithItsDelay()
    {
        var request = new ScanRequest("mailbox-1", "msg-1", null, DateTimeOffset.UnixEpoch);
        await _queue.EnqueueAsync("later", request, TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.Equal([(request, TimeSpan.FromSeconds(15))], _queue.DrainLater<ScanRequest>("later"));
        Assert.Empty(_queue.DrainLater<ScanRequest>("later"));
        Assert.Equal(0, await _queue.ApproximateCountAsync("later", CancellationToken.None));
    }
}
