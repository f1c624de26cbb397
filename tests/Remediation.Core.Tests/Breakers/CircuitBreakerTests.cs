using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Breakers;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Tests.Breakers;

/// <summary>The hourly caps on autonomous actions, decided on the in-memory budget with a fake clock.</summary>
public sealed class CircuitBreakerTests
{
    private const string Breaker = CircuitBreaker.SessionRevocations;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 15, 0, TimeSpan.Zero));
    private readonly InMemoryHourlyBudget _budget = new();
    private readonly TrippedEvents _tripped = new();

    [Fact]
    public async Task RevocationFlood_BeyondTheCap_IsRefusedAndAlertedOncePerHour()
    {
        var breaker = NewBreaker();

        var granted = await TakeAsync(breaker, times: 10, limit: 3);

        Assert.Equal(3, granted);
        var tripped = Assert.Single(_tripped.All);
        Assert.Equal(Breaker, tripped[PipelineEventProperties.Breaker]);
        Assert.Equal("3", tripped[PipelineEventProperties.Limit]);
        Assert.Equal("2026-11-29T10:00:00.0000000+00:00", tripped[PipelineEventProperties.Window]);
    }

    [Fact]
    public async Task FloodAcrossTheHourBoundary_NextHourGetsANewBudgetAndANewAlert()
    {
        var breaker = NewBreaker();
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 10, 59, 59, 999, TimeSpan.Zero));
        Assert.Equal(3, await TakeAsync(breaker, times: 5, limit: 3));

        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(3, await TakeAsync(breaker, times: 5, limit: 3));
        Assert.Equal(
            ["2026-11-29T10:00:00.0000000+00:00", "2026-11-29T11:00:00.0000000+00:00"],
            _tripped.All.Select(e => e[PipelineEventProperties.Window]));
    }

    [Fact]
    public async Task FloodOfMoves_DoesNotSpendTheRevocationBudget()
    {
        var breaker = NewBreaker();
        await TakeAsync(breaker, times: 5, limit: 3, CircuitBreaker.UnapprovedMoves);

        Assert.True(await breaker.TryTakeAsync(Breaker, 3, CancellationToken.None));
    }

    [Fact]
    public async Task CapOfZero_RefusesTheFirstAction()
    {
        Assert.False(await NewBreaker().TryTakeAsync(Breaker, 0, CancellationToken.None));
        Assert.Single(_tripped.All);
    }

    [Fact]
    public async Task LargeCap_OneStoreCallServesABlockOfUnits()
    {
        var budget = new CountingBudget(_budget);
        var breaker = new CircuitBreaker(budget, _tripped, _clock, NullLogger<CircuitBreaker>.Instance);

        Assert.Equal(64, await TakeAsync(breaker, times: 64, limit: 1024));

        Assert.Equal(4, budget.Calls);
    }

    [Fact]
    public async Task TwoInstancesOnOneBudget_NeverGrantMoreThanTheCapAndAlertOnce()
    {
        var (first, second) = (NewBreaker(), NewBreaker());

        var granted = await Task.WhenAll(
            Task.Run(() => TakeAsync(first, times: 100, limit: 130)),
            Task.Run(() => TakeAsync(second, times: 100, limit: 130)));

        Assert.InRange(granted.Sum(), 130 - 2 * 1, 130);
        Assert.Single(_tripped.All);
    }

    [Fact]
    public async Task ConcurrentCallers_OnOneInstance_SpendEveryUnitOfTheCap()
    {
        var breaker = NewBreaker();

        var granted = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => Task.Run(() => breaker.TryTakeAsync(Breaker, 256, CancellationToken.None))));

        Assert.Equal(256, granted.Count(g => g));
        Assert.Single(_tripped.All);
    }

    private CircuitBreaker NewBreaker() => new(_budget, _tripped, _clock, NullLogger<CircuitBreaker>.Instance);

    private sealed class CountingBudget(IHourlyBudget inner) : IHourlyBudget
    {
        public int Calls;

        public Task<BudgetTake> TakeAsync(string breaker, int limitPerHour, int units, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return inner.TakeAsync(breaker, limitPerHour, units, now, cancellationToken);
        }
    }

    private static async Task<int> TakeAsync(CircuitBreaker breaker, int times, int limit, string name = Breaker)
    {
        var granted = 0;
        for (var i = 0; i < times; i++)
        {
            if (await breaker.TryTakeAsync(name, limit, CancellationToken.None)) granted++;
        }
        return granted;
    }

    private sealed class TrippedEvents : IPipelineTelemetry
    {
        private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tripped = new();

        public IReadOnlyList<IReadOnlyDictionary<string, string>> All => [.. _tripped];

        public void Emit(PipelineEvent pipelineEvent)
        {
            if (pipelineEvent is CircuitBreakerTripped) _tripped.Enqueue(pipelineEvent.Properties());
        }
    }
}
