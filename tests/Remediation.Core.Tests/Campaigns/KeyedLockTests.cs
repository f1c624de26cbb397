using System.Runtime.CompilerServices;
using Remediation.Core.Campaigns;

namespace Remediation.Core.Tests.Campaigns;

public sealed class KeyedLockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly KeyedLock _gates = new();

    [Fact]
    public async Task AcquireAsync_SameKeyHeld_WaitsUntilReleased()
    {
        var first = await _gates.AcquireAsync("campaign-1", CancellationToken.None);

        var second = _gates.AcquireAsync("campaign-1", CancellationToken.None);
        var waitedWhileHeld = !second.IsCompleted;
        first.Dispose();

        Assert.True(waitedWhileHeld);
        (await second.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_OtherKeyHeld_GoesAtOnce()
    {
        using var first = await _gates.AcquireAsync("campaign-1", CancellationToken.None);

        var other = _gates.AcquireAsync("campaign-2", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_KeyInAnotherCase_IsAnotherKey()
    {
        using var first = await _gates.AcquireAsync("campaign-a", CancellationToken.None);

        var other = _gates.AcquireAsync("CAMPAIGN-A", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_AfterAHandOver_StillWaitsForTheNewHolder()
    {
        var first = await _gates.AcquireAsync("campaign-1", CancellationToken.None);
        var second = _gates.AcquireAsync("campaign-1", CancellationToken.None);
        first.Dispose();
        var secondHolder = await second.WaitAsync(Patience);

        var third = _gates.AcquireAsync("campaign-1", CancellationToken.None);
        var waitedWhileHeld = !third.IsCompleted;
        secondHolder.Dispose();

        Assert.True(waitedWhileHeld);
        (await third.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnce()
    {
        var first = await _gates.AcquireAsync("campaign-1", CancellationToken.None);
        var second = _gates.AcquireAsync("campaign-1", CancellationToken.None);
        first.Dispose();
        var secondHolder = await second.WaitAsync(Patience);

        first.Dispose();

        var third = _gates.AcquireAsync("campaign-1", CancellationToken.None);
        Assert.False(third.IsCompleted);
        secondHolder.Dispose();
        (await third.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndLeavesTheKeyToOthers()
    {
        var first = await _gates.AcquireAsync("campaign-1", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = _gates.AcquireAsync("campaign-1", cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        first.Dispose();
        var next = _gates.AcquireAsync("campaign-1", CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    [Fact]
    public void Dispose_LastHolder_LetsTheKeyGo()
    {
        var key = HoldAndRelease(withRefusedWaiter: false);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(key.IsAlive, "the lock still keeps a gate for a key nobody holds");
    }

    [Fact]
    public void AcquireAsync_Cancelled_LetsTheKeyGoOnceReleased()
    {
        var key = HoldAndRelease(withRefusedWaiter: true);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(key.IsAlive, "the lock still keeps a gate for a key nobody holds");
    }

    // In a frame of its own, so that nothing of this method keeps the key once it returns: only the lock could.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference HoldAndRelease(bool withRefusedWaiter)
    {
        var key = new string('k', 12);
        var holder = _gates.AcquireAsync(key, CancellationToken.None).GetAwaiter().GetResult();
        if (withRefusedWaiter && !_gates.AcquireAsync(key, new CancellationToken(canceled: true)).IsCanceled)
        {
            throw new InvalidOperationException("A cancelled wait was not refused at once.");
        }
        holder.Dispose();
        return new WeakReference(key);
    }
}
