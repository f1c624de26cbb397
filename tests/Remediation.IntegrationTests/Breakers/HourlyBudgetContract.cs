using Remediation.Core.Breakers;

namespace Remediation.IntegrationTests.Breakers;

/// <summary>What every hourly budget promises, whichever store keeps it: run against the in-memory twin and Table storage.</summary>
public abstract class HourlyBudgetContract
{
    private static readonly DateTimeOffset TenPast10 = new(2026, 11, 29, 10, 10, 0, TimeSpan.Zero);

    protected abstract IHourlyBudget Budget { get; }

    [Fact]
    public async Task Take_BeyondTheLimit_TripsOnceThenRefuses()
    {
        var breaker = NewBreaker();

        var decisions = await TakeAsync(breaker, times: 5, limit: 2, TenPast10);

        Assert.Equal([BudgetDecision.Granted, BudgetDecision.Granted, BudgetDecision.Tripped, BudgetDecision.Exhausted, BudgetDecision.Exhausted], decisions);
    }

    [Fact]
    public async Task Take_InTheNextHour_StartsAFreshBudget()
    {
        var breaker = NewBreaker();
        await TakeAsync(breaker, times: 3, limit: 2, TenPast10);

        var decisions = await TakeAsync(breaker, times: 3, limit: 2, TenPast10.AddMinutes(50));

        Assert.Equal([BudgetDecision.Granted, BudgetDecision.Granted, BudgetDecision.Tripped], decisions);
    }

    [Fact]
    public async Task Take_OtherBreaker_IsCountedApart()
    {
        var breaker = NewBreaker();
        await TakeAsync(breaker, times: 3, limit: 2, TenPast10);

        Assert.Equal(new BudgetTake(BudgetDecision.Granted, 1), await Budget.TakeAsync(breaker + "-other", 2, 1, TenPast10, CancellationToken.None));
    }

    [Fact]
    public async Task Take_LimitZero_TripsAtOnce()
    {
        Assert.Equal(new BudgetTake(BudgetDecision.Tripped, 0), await Budget.TakeAsync(NewBreaker(), 0, 4, TenPast10, CancellationToken.None));
    }

    [Fact]
    public async Task Take_SeveralUnits_GrantsWhatIsLeftThenTrips()
    {
        var breaker = NewBreaker();

        Assert.Equal(new BudgetTake(BudgetDecision.Granted, 4), await Budget.TakeAsync(breaker, 7, 4, TenPast10, CancellationToken.None));
        Assert.Equal(new BudgetTake(BudgetDecision.Granted, 3), await Budget.TakeAsync(breaker, 7, 4, TenPast10, CancellationToken.None));
        Assert.Equal(new BudgetTake(BudgetDecision.Tripped, 0), await Budget.TakeAsync(breaker, 7, 4, TenPast10, CancellationToken.None));
    }

    [Fact]
    public async Task Take_RacingInstances_NeverGrantMoreThanTheLimitNorTripTwice()
    {
        var breaker = NewBreaker();

        var takes = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => Budget.TakeAsync(breaker, 17, 1 + i % 2, TenPast10, CancellationToken.None))));

        Assert.Equal(17, takes.Sum(t => t.Units));
        Assert.Equal(1, takes.Count(t => t.Decision == BudgetDecision.Tripped));
    }

    private static string NewBreaker() => $"breaker{Guid.NewGuid():N}";

    private async Task<List<BudgetDecision>> TakeAsync(string breaker, int times, int limit, DateTimeOffset now)
    {
        List<BudgetDecision> decisions = [];
        for (var i = 0; i < times; i++) decisions.Add((await Budget.TakeAsync(breaker, limit, 1, now, CancellationToken.None)).Decision);
        return decisions;
    }
}
