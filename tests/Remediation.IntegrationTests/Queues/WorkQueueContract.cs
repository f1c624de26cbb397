using Remediation.Core.Queues;

namespace Remediation.IntegrationTests.Queues;

/// <summary>
/// What every work queue promises, whichever store keeps it: run against the in-memory twin and Storage queues (idle,
/// where the approximate count is exact). A stage's tests may read the twin in place of a queue only while both pass.
/// </summary>
public abstract class WorkQueueContract
{
    private static readonly DateTimeOffset Notified = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    protected abstract IWorkQueue Queue { get; }

    /// <summary>Takes every message waiting in the queue, as the stage reading it would.</summary>
    protected abstract Task<IReadOnlyList<T>> ReceiveAllAsync<T>(string queueName);

    [Fact]
    public async Task ApproximateCount_QueueNeverWritten_IsZero()
    {
        Assert.Equal(0, await Queue.ApproximateCountAsync(NewQueueName(), CancellationToken.None));
    }

    [Fact]
    public async Task ApproximateCount_AfterThreeEnqueues_IsThree()
    {
        var queue = NewQueueName();

        for (var i = 0; i < 3; i++) await Queue.EnqueueAsync(queue, Scan($"msg-{i}"), CancellationToken.None);

        Assert.Equal(3, await Queue.ApproximateCountAsync(queue, CancellationToken.None));
    }

    [Fact]
    public async Task ApproximateCount_OtherQueue_IsCountedApart()
    {
        var (queue, other) = (NewQueueName(), NewQueueName());
        await Queue.EnqueueAsync(queue, Scan("msg-1"), CancellationToken.None);
        await Queue.EnqueueAsync(queue, Scan("msg-2"), CancellationToken.None);

        await Queue.EnqueueAsync(other, Scan("msg-3"), CancellationToken.None);

        Assert.Equal((2, 1), (await Queue.ApproximateCountAsync(queue, CancellationToken.None), await Queue.ApproximateCountAsync(other, CancellationToken.None)));
    }

    [Fact]
    public async Task Enqueue_WorkItems_AreReadBackAsTheSameWorkItems()
    {
        var queue = NewQueueName();
        ScanRequest[] sent = [Scan("msg-1"), Scan("msg-2") with { SubscriptionId = null }];
        foreach (var item in sent) await Queue.EnqueueAsync(queue, item, CancellationToken.None);

        var received = await ReceiveAllAsync<ScanRequest>(queue);

        Assert.Equal(sent.OrderBy(s => s.MessageId, StringComparer.Ordinal), received.OrderBy(s => s.MessageId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Enqueue_EnumField_IsReadBackByName()
    {
        var queue = NewQueueName();
        var sent = new SubscriptionEvent(null, "sub-1", SubscriptionEventKind.Missed);

        await Queue.EnqueueAsync(queue, sent, CancellationToken.None);

        Assert.Equal([sent], await ReceiveAllAsync<SubscriptionEvent>(queue));
    }

    [Fact]
    public async Task EnqueueForLater_IsCountedButOutOfSight()
    {
        var queue = NewQueueName();
        await Queue.EnqueueAsync(queue, Scan("msg-1"), TimeSpan.FromHours(1), CancellationToken.None);

        await Queue.EnqueueAsync(queue, Scan("msg-2"), CancellationToken.None);

        Assert.Equal(2, await Queue.ApproximateCountAsync(queue, CancellationToken.None));
        Assert.Equal(["msg-2"], (await ReceiveAllAsync<ScanRequest>(queue)).Select(s => s.MessageId));
    }

    [Fact]
    public async Task Enqueue_CancelledToken_ThrowsAndQueuesNothing()
    {
        var queue = NewQueueName();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Queue.EnqueueAsync(queue, Scan("msg-1"), cancelled.Token));

        Assert.Equal(0, await Queue.ApproximateCountAsync(queue, CancellationToken.None));
    }

    // Storage queue names: 3 to 63 lowercase letters, digits and dashes.
    private static string NewQueueName() => $"contract-{Guid.NewGuid():N}";

    private static ScanRequest Scan(string messageId) => new("6a1e3c5b-0000-4000-8000-0000000000b1", messageId, "sub-1", Notified);
}
