using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Remediation.Cli.Corpus;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.Cli.Commands;

/// <summary>
/// <c>remediation eval --folder DIR --expect malicious|clean</c>: measures any folder of .eml files whose label is
/// known, per band, per category, per language and per rule, with throughput, as text or JSON.
/// </summary>
internal static class FolderEval
{
    // Enough misjudged files to see the pattern without burying the tables.
    private const int MismatchesShown = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task<int> ExecuteAsync(string folder, ExpectedLabel expect, bool languageFromHeader, bool asJson, LocalScanner scanner, TextWriter output, CancellationToken cancellationToken)
    {
        var messages = await LabelledFolder.ReadAsync(folder, languageFromHeader, scanner, cancellationToken);
        var scan = await TimedScan.RunAsync(scanner, [.. messages.Select(m => m.Raw)], cancellationToken);
        var report = FolderReport.Of(folder, expect, messages, scan);
        if (asJson) output.WriteLine(JsonSerializer.Serialize(report, Json));
        else Write(report, output);
        return 0;
    }

    private static void Write(FolderReport report, TextWriter output)
    {
        var n = report.Bands.Total;
        output.WriteLine($"{report.Folder}: {n} messages, all expected {report.Expect.ToString().ToLowerInvariant()}.");
        output.WriteLine($"{report.Measure}: malicious band {EvalCommand.Percent(report.Bands.Malicious, n)}, suspicious or worse {EvalCommand.Percent(report.Bands.Flagged, n)}");

        output.WriteLine();
        output.WriteLine($"{"language",-10} {"n",5} | {"clean",6} {"suspicious",10} {"malicious",9} {"unscannable",11}");
        foreach (var row in report.Languages) WriteBands(row.Language, row.Bands, output);
        WriteBands("all", report.Bands, output);

        output.WriteLine();
        output.WriteLine("Categories: " + string.Join(", ", report.Categories.Select(c => $"{c.Key} {EvalCommand.Percent(c.Value, n)}")));

        output.WriteLine();
        output.WriteLine("Messages each rule fired on:");
        foreach (var (rule, count) in report.Rules) output.WriteLine($"  {rule,-28} {EvalCommand.Percent(count, n),16}");

        output.WriteLine();
        output.WriteLine($"Throughput, one thread, {Environment.ProcessorCount} cores, {n} messages:");
        output.WriteLine($"  parse only    {Format(report.ParseOnly)}");
        output.WriteLine($"  full engine   {Format(report.FullEngine)}");

        if (report.Mismatches.Count == 0) return;
        output.WriteLine();
        output.WriteLine($"Not judged {report.Expect.ToString().ToLowerInvariant()} ({report.Mismatches.Count}):");
        foreach (var miss in report.Mismatches.Take(MismatchesShown))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {miss.Band.ToString().ToLowerInvariant(),-11} {miss.Score,6:0.0}  {miss.Language,-7}  {miss.File}  {string.Join(',', miss.Rules)}"));
        }
        if (report.Mismatches.Count > MismatchesShown) output.WriteLine($"  … and {report.Mismatches.Count - MismatchesShown} more (--json lists all).");
    }

    private static void WriteBands(string label, BandCounts bands, TextWriter output) =>
        output.WriteLine($"{label,-10} {bands.Total,5} | {bands.Clean,6} {bands.Suspicious,10} {bands.Malicious,9} {bands.Unscannable,11}");

    private static string Format(Rate rate) =>
        FormattableString.Invariant($"{rate.MessagesPerSecond,8:F0} msg/s   p50 {rate.P50Milliseconds:F3} ms   p99 {rate.P99Milliseconds:F3} ms   max {rate.MaxMilliseconds:F1} ms");
}
