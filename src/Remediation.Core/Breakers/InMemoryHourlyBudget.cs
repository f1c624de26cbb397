namespace Remediation.Core.Breakers;

/// <summary>The hourly budget of one process: the twin of the Table store for tests and single-process runs.</summary>
public sealed class InMemoryHourlyBudget : IHourlyBudget
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Breaker, string Hour), HourlyCount> _counts = [];

    public Task<BudgetTake> TakeAsync(string breaker, int limitPerHour, int units, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = (breaker, HourlyCount.HourOf(now));
        lock (_gate)
        {
            var (take, next) = _counts.GetValueOrDefault(key).Take(limitPerHour, units);
            _counts[key] = next;
            return Task.FromResult(take);
        }
    }
}
