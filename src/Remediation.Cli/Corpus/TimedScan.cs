using System.Diagnostics;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.Cli.Corpus;

/// <summary>
/// Scans raw messages one by one on one thread, timing parsing alone and the full engine (parse and scan) apart,
/// after a warm-up so that the JIT and the model's first use are not timed.
/// </summary>
internal sealed record TimedScan(Timings Parsing, Timings Engine, IReadOnlyList<Verdict> Verdicts)
{
    private const int WarmUp = 50;

    /// <summary>The verdicts come in the order of <paramref name="messages"/>.</summary>
    public static async Task<TimedScan> RunAsync(LocalScanner scanner, IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        foreach (var raw in messages.Take(WarmUp)) scanner.Scan(await ReadAsync(scanner, raw, cancellationToken));

        var parsing = new Timings();
        foreach (var raw in messages)
        {
            var started = Stopwatch.GetTimestamp();
            await ReadAsync(scanner, raw, cancellationToken);
            parsing.Add(Stopwatch.GetElapsedTime(started));
        }

        var engine = new Timings();
        var verdicts = new List<Verdict>(messages.Count);
        foreach (var raw in messages)
        {
            var started = Stopwatch.GetTimestamp();
            var verdict = scanner.Scan(await ReadAsync(scanner, raw, cancellationToken));
            engine.Add(Stopwatch.GetElapsedTime(started));
            verdicts.Add(verdict);
        }
        return new TimedScan(parsing, engine, verdicts);
    }

    public static async Task<ScanInput> ReadAsync(LocalScanner scanner, byte[] raw, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return await scanner.ReadAsync(stream, cancellationToken);
    }
}
