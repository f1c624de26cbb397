namespace Remediation.Core.Breakers;

/// <summary>
/// One breaker's count in one clock hour, and the one rule both stores apply to it: each store only adds the
/// atomic write.
/// </summary>
public readonly record struct HourlyCount(int Taken, bool Tripped)
{
    /// <summary>The decision on one more unit, and the count to write back (unchanged when nothing is to be written).</summary>
    public (BudgetDecision Decision, HourlyCount Next) Take(int limit) =>
        Taken < limit ? (BudgetDecision.Granted, this with { Taken = Taken + 1 })
        : !Tripped ? (BudgetDecision.Tripped, this with { Tripped = true })
        : (BudgetDecision.Exhausted, this);

    /// <summary>The hour a moment falls in, in UTC, as a sortable key (<c>2026112914</c>).</summary>
    public static string HourOf(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The start of the hour a moment falls in (UTC).</summary>
    public static DateTimeOffset HourStart(DateTimeOffset now) => new(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
}
