using Remediation.Core.Scanning;

namespace Remediation.Cli.Corpus;

/// <summary>How many messages landed in each band.</summary>
internal sealed record BandCounts(int Clean, int Suspicious, int Malicious, int Unscannable)
{
    public static BandCounts Of(IEnumerable<Verdict> verdicts)
    {
        var list = verdicts.ToList();
        return new(Count(list, VerdictBand.Clean), Count(list, VerdictBand.Suspicious), Count(list, VerdictBand.Malicious), Count(list, VerdictBand.Unscannable));
    }

    public int Total => Clean + Suspicious + Malicious + Unscannable;

    /// <summary>Suspicious or worse: what at least alerts the SOC.</summary>
    public int Flagged => Suspicious + Malicious;

    private static int Count(List<Verdict> verdicts, VerdictBand band) => verdicts.Count(v => v.Band == band);
}

/// <summary>One language's share of the folder and its bands.</summary>
internal sealed record LanguageRow(string Language, BandCounts Bands);

/// <summary>Single-thread throughput: messages per second and per-message percentiles in milliseconds.</summary>
internal sealed record Rate(double MessagesPerSecond, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds)
{
    public static Rate Of(Timings timings) =>
        new(Math.Round(timings.MessagesPerSecond), Math.Round(timings.Percentile(50), 3), Math.Round(timings.Percentile(99), 3), Math.Round(timings.Percentile(100), 1));
}

/// <summary>A message judged otherwise than its label says, with the rules that fired.</summary>
internal sealed record Mismatch(string File, string Language, VerdictBand Band, double Score, IReadOnlyList<string> Rules);

/// <summary>What <c>eval --folder</c> measured: bands, categories, languages, rules, throughput and the misjudged files.</summary>
internal sealed record FolderReport(
    string Folder,
    ExpectedLabel Expect,
    BandCounts Bands,
    IReadOnlyDictionary<string, int> Categories,
    IReadOnlyList<LanguageRow> Languages,
    IReadOnlyDictionary<string, int> Rules,
    Rate ParseOnly,
    Rate FullEngine,
    IReadOnlyList<Mismatch> Mismatches)
{
    public static FolderReport Of(string folder, ExpectedLabel expect, IReadOnlyList<FolderMessage> messages, TimedScan scan)
    {
        var judged = messages.Zip(scan.Verdicts, (message, verdict) => (Message: message, Verdict: verdict)).ToList();
        var expectedBand = expect == ExpectedLabel.Malicious ? VerdictBand.Malicious : VerdictBand.Clean;
        return new FolderReport(
            folder,
            expect,
            BandCounts.Of(scan.Verdicts),
            scan.Verdicts.GroupBy(v => Lower(v.Category)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            [.. judged.GroupBy(j => j.Message.Language).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new LanguageRow(g.Key, BandCounts.Of(g.Select(j => j.Verdict))))],
            scan.Verdicts.SelectMany(v => v.RuleNames.Distinct()).GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            Rate.Of(scan.Parsing),
            Rate.Of(scan.Engine),
            [.. judged.Where(j => j.Verdict.Band != expectedBand)
                .Select(j => new Mismatch(j.Message.File, j.Message.Language, j.Verdict.Band, j.Verdict.Score, j.Verdict.RuleNames))]);
    }

    /// <summary>Recall for malicious folders, false positives for clean ones.</summary>
    public string Measure => Expect == ExpectedLabel.Malicious ? "recall" : "false positives";

    private static string Lower(ThreatCategory category) => category.ToString().ToLowerInvariant();
}
