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

    private CircuitBreaker NewBreaker() => new(_budget, _tripped, _clock, NullLogger<CircuitBreaker>.Instance);

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
