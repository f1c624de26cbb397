using System.Diagnostics;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.Showcase.Bench;

/// <summary>
/// Single-thread scan throughput on the SpamAssassin corpus's evaluation split: MIME parsing alone, the full engine,
/// and SpamAssassin's local rules (spamd -L through spamc, when installed) on an evenly spread sample of it.
/// </summary>
internal static class ScanThroughputBench
{
    private const int WarmUpMessages = 50;

    public static async Task<ScanThroughputResult> RunAsync(int spamAssassinMessages, CancellationToken cancellationToken)
    {
        var messages = SpamAssassinCorpus.Read(SpamAssassinCorpus.Locate(null), CorpusSplit.Evaluation);
        var scanner = LocalScanner.Create(null, []);
        // The JIT and the shipped model load before anything is timed.
        foreach (var message in messages.Take(WarmUpMessages)) scanner.Scan(await ReadAsync(scanner, message, cancellationToken));

        var parseOnly = await TimeEachAsync(messages, message => ReadAsync(scanner, message, cancellationToken));
        var fullEngine = await TimeEachAsync(messages, async message => scanner.Scan(await ReadAsync(scanner, message, cancellationToken)));
        var split = $"evaluation ({string.Join(", ", messages.GroupBy(m => m.Group).Select(g => $"{g.Key} {g.Count()}"))})";
        if (!SpamAssassinDaemon.IsInstalled)
        {
            return new ScanThroughputResult(split, parseOnly, fullEngine, null, null, "not measured: spamd/spamc are not installed (apt-get install spamassassin spamc)");
        }

        var step = Math.Max(1, messages.Count / Math.Max(1, spamAssassinMessages));
        var sample = messages.Where((_, index) => index % step == 0).ToList();
        await using var daemon = await SpamAssassinDaemon.StartAsync(cancellationToken);
        await SpamAssassinDaemon.ScoreAsync(sample[0].Raw, cancellationToken);
        var spamAssassin = await TimeEachAsync(sample, message => SpamAssassinDaemon.ScoreAsync(message.Raw, cancellationToken));
        var engineOnSample = await TimeEachAsync(sample, async message => scanner.Scan(await ReadAsync(scanner, message, cancellationToken)));
        return new ScanThroughputResult(split, parseOnly, fullEngine, spamAssassin, engineOnSample,
            $"spamd -L (local tests, one child) through spamc, on one message in every {step} of the split ({sample.Count})");
    }

    private static async Task<MessageRate> TimeEachAsync(IReadOnlyList<CorpusMessage> messages, Func<CorpusMessage, Task> work)
    {
        var milliseconds = new List<double>(messages.Count);
        var clock = Stopwatch.StartNew();
        foreach (var message in messages)
        {
            var started = Stopwatch.GetTimestamp();
            await work(message);
            milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return new MessageRate(messages.Count, messages.Count / clock.Elapsed.TotalSeconds, Percentiles.Of(milliseconds));
    }

    private static async Task<Core.Scanning.ScanInput> ReadAsync(LocalScanner scanner, CorpusMessage message, CancellationToken cancellationToken)
    {
        using var raw = new MemoryStream(message.Raw, writable: false);
        return await scanner.ReadAsync(raw, cancellationToken);
    }
}
