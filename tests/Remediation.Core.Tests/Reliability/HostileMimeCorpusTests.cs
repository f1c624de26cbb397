using Remediation.Core.Scanning;
using Remediation.Core.Tests.Scanning;
using Xunit.Abstractions;

namespace Remediation.Core.Tests.Reliability;

/// <summary>Hundreds of hostile messages: each gets a verdict within time and memory bounds, none crashes the scan.</summary>
[Collection(nameof(TimedScans))]
public class HostileMimeCorpusTests(ITestOutputHelper output)
{
    // A guard against hangs, not a speed target: the suite shares two cores with everything else that runs.
    private static readonly TimeSpan TimePerMessage = TimeSpan.FromSeconds(10);
    private const long BytesPerMessage = 224L * 1024 * 1024;

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
            [VerdictBand.Malicious] = 264,
            [VerdictBand.Unscannable] = 65,
            [VerdictBand.Clean] = 217,
            [VerdictBand.Suspicious] = 30,
        }, bands);
    }
}
