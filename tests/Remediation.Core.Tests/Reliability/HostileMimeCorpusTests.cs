using System.Diagnostics;
using Remediation.Core.Scanning;
using Remediation.Core.Tests.Scanning;
using Xunit.Abstractions;

namespace Remediation.Core.Tests.Reliability;

/// <summary>Hundreds of hostile messages: each gets a verdict within time and memory bounds, none crashes the scan.</summary>
public class HostileMimeCorpusTests(ITestOutputHelper output)
{
    // A guard against hangs, not a speed target: the suite shares two cores with everything else that runs.
    private static readonly TimeSpan TimePerMessage = TimeSpan.FromSeconds(10);
    private const long BytesPerMessage = 256L * 1024 * 1024;

    private readonly ScanEngine _sut = TestMail.Engine();

    [Fact]
    public async Task Scan_GeneratedHostileCorpus_EveryMessageGetsAVerdictWithinLimits()
    {
        var corpus = HostileMime.Generate(seed: 20261129, perFamily: 64).ToList();
        Assert.True(corpus.Count >= 500);
        var slowest = TimeSpan.Zero;
        long mostAllocated = 0;
        var bands = new Dictionary<VerdictBand, int>();

        foreach (var (family, mime) in corpus)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var message = await BoundedMimeLoader.LoadAsync(new MemoryStream(mime), new ScanLimits(), CancellationToken.None);
            var verdict = _sut.Scan(new ScanInput(message));
            clock.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            Assert.True(clock.Elapsed < TimePerMessage, $"{family}: {clock.Elapsed.TotalMilliseconds:F0} ms");
            Assert.True(allocated < BytesPerMessage, $"{family}: {allocated / 1024 / 1024} MB allocated");
            bands[verdict.Band] = bands.GetValueOrDefault(verdict.Band) + 1;
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            mostAllocated = Math.Max(mostAllocated, allocated);
        }

        output.WriteLine($"hostile messages: {corpus.Count}; verdicts: {string.Join(", ", bands.Select(b => $"{b.Key} {b.Value}"))}; " +
            $"slowest {slowest.TotalMilliseconds:F0} ms; most allocated {mostAllocated / 1024 / 1024} MB; crashes 0");
        Assert.True(bands.GetValueOrDefault(VerdictBand.Unscannable) > 0, "limits turned some messages into unscannable verdicts");
    }
}
