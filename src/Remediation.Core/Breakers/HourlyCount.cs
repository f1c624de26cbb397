namespace Remediation.Core.Breakers;

/// <summary>
/// One breaker's count in one clock hour, and the one rule both stores apply to it: each store only adds the
/// atomic write.
/// </summary>
public readonly record struct HourlyCount(int Taken, bool Tripped)
{
    /// <summary>
    /// The decision on up to <paramref name="units"/> more units (as many as are left), and the count to write back
    /// (unchanged when nothing is to be written).
    /// </summary>
    public (BudgetTake Take, HourlyCount Next) Take(int limit, int units = 1) =>
        Taken < limit ? (new(BudgetDecision.Granted, Math.Min(units, limit - Taken)), this with { Taken = Taken + Math.Min(units, limit - Taken) })
        : !Tripped ? (new(BudgetDecision.Tripped, 0), this with { Tripped = true })
        : (new(BudgetDecision.Exhausted, 0), this);

    /// <summary>The hour a moment falls in, in UTC, as a sortable key (<c>2026112914</c>).</summary>
    public static string HourOf(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The start of the hour a moment falls in (UTC).</summary>
    public static DateTimeOffset HourStart(DateTimeOffset now) => new(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
}
