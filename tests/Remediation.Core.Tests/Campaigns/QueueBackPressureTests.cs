using System.Diagnostics;
using Remediation.Core.Campaigns;
using Remediation.Core.Queues;

namespace Remediation.Core.Tests.Campaigns;

public sealed class QueueBackPressureTests
{
    private const string Jobs = "jobs";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    // Three readings of the length at the 100 ms pause.
    private static readonly TimeSpan AWhile = TimeSpan.FromMilliseconds(300);

    private readonly CountingQueue _queue = new();

    [Fact]
    public async Task SendAsync_RoomUpToTheLimit_SendsEachAtOnce()
    {
        var pressure = new QueueBackPressure(_queue, Jobs, limit: 3);

        for (var i = 0; i < 3; i++) await pressure.SendAsync(() => _queue.EnqueueAsync(Jobs, i, CancellationToken.None), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(1, _queue.Reads);
        Assert.Equal(3, _queue.Drain<int>(Jobs).Count);
    }

    [Fact]
    public async Task SendAsync_QueueAtTheLimit_WaitsUntilItDrains()
    {
        var pressure = new QueueBackPressure(_queue, Jobs, limit: 3);
        for (var i = 0; i < 3; i++) await pressure.SendAsync(() => _queue.EnqueueAsync(Jobs, i, CancellationToken.None), CancellationToken.None).WaitAsync(Patience);

        var fourth = Task.Run(() => pressure.SendAsync(() => _queue.EnqueueAsync(Jobs, 3, CancellationToken.None), CancellationToken.None));
        await Task.Delay(AWhile);
        var waited = !fourth.IsCompleted;
        // The send let through may land while the queue drains: it is seen by its task, not by the count.
        _queue.Drain<int>(Jobs);

        Assert.True(waited);
        await fourth.WaitAsync(Patience);
    }

    [Fact]
    public async Task SendAsync_QueuePartlyFull_GrantsOnlyTheRoomLeft()
    {
        await _queue.EnqueueAsync(Jobs, 0, CancellationToken.None);
        var pressure = new QueueBackPressure(_queue, Jobs, limit: 3);

        var sending = Task.Run(() => Task.WhenAll(Enumerable.Range(1, 3).Select(i => pressure.SendAsync(() => _queue.EnqueueAsync(Jobs, i, CancellationToken.None), CancellationToken.None))));
        await Task.Delay(AWhile);
        var sentAtFirst = await _queue.ApproximateCountAsync(Jobs, CancellationToken.None) - 1;
        _queue.Drain<int>(Jobs);

        Assert.Equal(2, sentAtFirst);
        await sending.WaitAsync(Patience);
    }

    [Fact]
    public async Task SendAsync_MessagesStillOnTheirWay_CountAgainstTheLimit()
    {
        var pressure = new QueueBackPressure(_queue, Jobs, limit: 2);
        var slowSends = new TaskCompletionSource();
        var onTheirWay = Enumerable.Range(0, 2).Select(_ => pressure.SendAsync(() => slowSends.Task, CancellationToken.None)).ToList();

        var third = Task.Run(() => pressure.SendAsync(() => Task.CompletedTask, CancellationToken.None));
        await Task.Delay(AWhile);
        var waited = !third.IsCompleted;
        slowSends.SetResult();

        Assert.True(waited);
        await Task.WhenAll([.. onTheirWay, third]).WaitAsync(Patience);
    }

    [Fact]
    public async Task SendAsync_QueueFull_ReadsTheLengthOncePerPause()
    {
        await _queue.EnqueueAsync(Jobs, 0, CancellationToken.None);
        var pressure = new QueueBackPressure(_queue, Jobs, limit: 1);
        using var cancel = new CancellationTokenSource();

        // Timed from the start to the end of the wait, as a busy machine may wake this test late: the pauses that fit
        // in it, not the while asked for, bound the readings.
        var clock = Stopwatch.StartNew();
        var waiting = Task.Run(() => pressure.SendAsync(() => Task.CompletedTask, cancel.Token));
        while (_queue.Reads == 0 && clock.Elapsed < Patience) await Task.Delay(10);
        await Task.Delay(AWhile);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        var pauses = (int)(clock.Elapsed / TimeSpan.FromMilliseconds(100));
        Assert.InRange(_queue.Reads, 1, pauses + 1);
    }

    [Fact]
    public async Task SendAsync_CancelledWhileWaiting_LeavesTheReadingToOthers()
    {
        await _queue.EnqueueAsync(Jobs, 0, CancellationToken.None);
        var pressure = new QueueBackPressure(_queue, Jobs, limit: 1);
        using var cancel = new CancellationTokenSource();
        var cancelled = pressure.SendAsync(() => Task.CompletedTask, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        _queue.Drain<int>(Jobs);

        var next = pressure.SendAsync(() => _queue.EnqueueAsync(Jobs, 1, CancellationToken.None), CancellationToken.None);

        await next.WaitAsync(Patience);
        Assert.Equal(1, await _queue.ApproximateCountAsync(Jobs, CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_SendFails_ThrowsAndNoLongerCountsIt()
    {
        var pressure = new QueueBackPressure(_queue, Jobs, limit: 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => pressure.SendAsync(() => throw new InvalidOperationException("queue refused"), CancellationToken.None));

        await pressure.SendAsync(() => _queue.EnqueueAsync(Jobs, 1, CancellationToken.None), CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(1, await _queue.ApproximateCountAsync(Jobs, CancellationToken.None));
    }

    /// <summary>The in-memory queue, counting how often its length is read.</summary>
    private sealed class CountingQueue : IWorkQueue
    {
        private readonly InMemoryWorkQueue _inner = new();
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken) => _inner.EnqueueAsync(queueName, message, cancellationToken);

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken) => _inner.EnqueueAsync(queueName, message, visibleAfter, cancellationToken);

        public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return _inner.ApproximateCountAsync(queueName, cancellationToken);
        }

        public IReadOnlyList<T> Drain<T>(string queueName) => _inner.Drain<T>(queueName);
    }
}
