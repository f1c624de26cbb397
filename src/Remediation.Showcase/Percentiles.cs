namespace Remediation.Showcase;

/// <summary>The spread of a set of measurements (nearest-rank percentiles), in the unit they were given in.</summary>
internal sealed record Percentiles(int Count, double P50, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? new Percentiles(0, 0, 0, 0) : new Percentiles(sorted.Length, Rank(sorted, 50), Rank(sorted, 99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
