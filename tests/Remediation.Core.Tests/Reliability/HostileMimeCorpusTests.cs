using Remediation.Core.Scanning;
using Remediation.Core.Tests.Scanning;
using Xunit.Abstractions;

namespace Remediation.Core.Tests.Reliability;

/// <summary>
/// Hundreds of hostile messages: each gets a verdict within time and memory bounds, none crashes the scan. And a
/// scan's cost grows with the content, not with its square: machines differ, so each content attack is timed against
/// the same shape a tenth of its size, side by side.
/// </summary>
[Collection(nameof(TimedScans))]
public class HostileMimeCorpusTests(ITestOutputHelper output)
{
    // A guard against hangs, not a speed target: the suite shares two cores with everything else that runs.
    private static readonly TimeSpan TimePerMessage = TimeSpan.FromSeconds(10);
    private const long BytesPerMessage = 224L * 1024 * 1024;

    // Linear work costs 10× as much, and up to about 30× here once the larger text no longer fits in the processor's
    // caches and the garbage collector moves it; quadratic work costs 100×.
    private const int MaxCostRatio = 50;
    private const int SmallAttempts = 5;
    private const int Attempts = 3;

    private readonly ScanEngine _sut = TestMail.Engine();

    [Fact]
    public async Task Scan_GeneratedHostileCorpus_EveryMessageGetsAVerdictWithinLimits()
    {
        var corpus = HostileMime.Generate(seed: 20261129, perFamily: 64).ToList();
        Assert.Equal(576, corpus.Count);
        var slowest = TimeSpan.Zero;
        long mostAllocated = 0;
        var bands = new Dictionary<VerdictBand, int>();

        foreach (var (family, mime) in corpus)
        {
            var (verdict, elapsed, allocated) = await TimedScan.RunAsync(_sut, mime);

            Assert.True(elapsed < TimePerMessage, $"{family}: {elapsed.TotalMilliseconds:F0} ms");
            Assert.True(allocated < BytesPerMessage, $"{family}: {allocated / 1024 / 1024} MB allocated");
            bands[verdict.Band] = bands.GetValueOrDefault(verdict.Band) + 1;
            slowest = elapsed > slowest ? elapsed : slowest;
            mostAllocated = Math.Max(mostAllocated, allocated);
        }

        output.WriteLine($"hostile messages: {corpus.Count}; verdicts: {string.Join(", ", bands.Select(b => $"{b.Key} {b.Value}"))}; " +
            $"slowest {slowest.TotalMilliseconds:F0} ms; most allocated {mostAllocated / 1024 / 1024} MB; crashes 0");
        // The corpus is generated from a fixed seed: every band's count is known, and a change in any is a change in the engine.
        Assert.Equal(new Dictionary<VerdictBand, int>
        {
            [VerdictBand.Malicious] = 93,
            [VerdictBand.Unscannable] = 186,
            [VerdictBand.Clean] = 204,
            [VerdictBand.Suspicious] = 93,
        }, bands);
    }

    public static TheoryData<string> Families => new(HostileMime.ContentAttacks.Select(a => a.Family));

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Scan_AttackTenTimesLarger_CostsAtMostFiftyTimesAsMuch(string family)
    {
        var build = HostileMime.ContentAttacks.Single(a => a.Family == family).Build;
        var small = build(HostileMime.AttackBytes / 10);
        var large = build(HostileMime.AttackBytes);
        var smallCost = TimeSpan.MaxValue;
        // The first scans also compile the code they run; the least of several is the scan's own cost.
        for (var i = 0; i < SmallAttempts; i++) smallCost = Min(smallCost, await Cost(small));
        var budget = smallCost * MaxCostRatio;

        // A quadratic scan would run for minutes: each attempt is abandoned once it is over budget.
        var largeCost = TimeSpan.MaxValue;
        for (var i = 0; i < Attempts && largeCost > budget; i++)
        {
            var scan = Task.Run(() => Cost(large));
            if (await Task.WhenAny(scan, Task.Delay(budget)) == scan) largeCost = Min(largeCost, await scan);
        }

        Assert.True(largeCost <= budget, $"{family}: {HostileMime.AttackBytes} bytes took more than {MaxCostRatio}× the {smallCost.TotalMilliseconds:F1} ms of a tenth of it");
        output.WriteLine($"{family}: {smallCost.TotalMilliseconds:F1} ms, 10× the bytes {largeCost.TotalMilliseconds:F1} ms ({largeCost / smallCost:F1}×)");
    }

    private async Task<TimeSpan> Cost(byte[] mime)
    {
        // Garbage left by earlier scans is not this scan's cost.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return (await TimedScan.RunAsync(_sut, mime)).Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
