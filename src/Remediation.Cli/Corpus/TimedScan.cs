using System.Diagnostics;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.Cli.Corpus;

/// <summary>
/// Scans raw messages one by one on one thread, timing parsing alone and the full engine (parse and scan) apart,
/// after a warm-up so that the JIT and the model's first use are not timed.
/// </summary>
/// <remarks>
/// A fresh process scans two to three times slower than one that has read several thousand messages. Most of it is
/// the runtime's tiered compilation: each method starts as quickly compiled code, instrumented for profile-guided
/// optimisation, and is compiled again, optimised, once it has run enough; across the engine's methods that takes
/// two or three passes over three thousand messages. The linear regex engine adds its automaton's states as new text
/// reaches them, which costs less (a pattern's first pass over new text about 15 % more than its second). A deployed
/// host scanning mail all day lives in the settled state, so the corpus evaluation warms up on the other half of the
/// corpus until it settles and reports the first of those passes apart (<see cref="WarmUp"/>).
/// </remarks>
internal sealed record TimedScan(Timings Parsing, Timings Engine, IReadOnlyList<Verdict> Verdicts)
{
    private const int WarmUpMessages = 50;

    /// <summary>The engine's timings on the warm-up messages' first pass, scanned before anything else was timed.</summary>
    public required Timings WarmUp { get; init; }

    /// <summary>Warms up on the first few of <paramref name="messages"/>; the verdicts come in their order.</summary>
    public static Task<TimedScan> RunAsync(LocalScanner scanner, IReadOnlyList<byte[]> messages, CancellationToken cancellationToken) =>
        RunAsync(scanner, messages, [.. messages.Take(WarmUpMessages)], warmUpPasses: 1, cancellationToken);

    /// <summary>
    /// Warms up with <paramref name="warmUpPasses"/> passes over <paramref name="warmUp"/> (untimed for the figures but
    /// the first); the verdicts come in the order of <paramref name="messages"/>.
    /// </summary>
    public static async Task<TimedScan> RunAsync(
        LocalScanner scanner, IReadOnlyList<byte[]> messages, IReadOnlyList<byte[]> warmUp, int warmUpPasses, CancellationToken cancellationToken)
    {
        var firstPass = await ScanTimedAsync(scanner, warmUp, cancellationToken);
        for (var pass = 1; pass < warmUpPasses; pass++) await ScanTimedAsync(scanner, warmUp, cancellationToken);

        var parsing = new Timings();
        foreach (var raw in messages)
        {
            var started = Stopwatch.GetTimestamp();
            await ReadAsync(scanner, raw, cancellationToken);
            parsing.Add(Stopwatch.GetElapsedTime(started));
        }

        var verdicts = new List<Verdict>(messages.Count);
        var engine = await ScanTimedAsync(scanner, messages, cancellationToken, verdicts);
        return new TimedScan(parsing, engine, verdicts) { WarmUp = firstPass };
    }

    private static async Task<Timings> ScanTimedAsync(LocalScanner scanner, IReadOnlyList<byte[]> messages, CancellationToken cancellationToken, List<Verdict>? verdicts = null)
    {
        var timings = new Timings();
        foreach (var raw in messages)
        {
            var started = Stopwatch.GetTimestamp();
            var verdict = scanner.Scan(await ReadAsync(scanner, raw, cancellationToken));
            timings.Add(Stopwatch.GetElapsedTime(started));
            verdicts?.Add(verdict);
        }
        return timings;
    }

    public static async Task<ScanInput> ReadAsync(LocalScanner scanner, byte[] raw, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return await scanner.ReadAsync(stream, cancellationToken);
    }
}
