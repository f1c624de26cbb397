namespace Remediation.Cli.Corpus;

/// <summary>Per-message timings, summarised as throughput and percentiles.</summary>
internal sealed class Timings
{
    private readonly List<double> _milliseconds = [];

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double MessagesPerSecond => _milliseconds.Count / (_milliseconds.Sum() / 1000);

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() =>
        FormattableString.Invariant($"{MessagesPerSecond,8:F0} msg/s   p50 {Percentile(50):F3} ms   p99 {Percentile(99):F3} ms   max {Percentile(100):F1} ms");
}
