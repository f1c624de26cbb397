using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.Cli.Commands;

/// <summary><c>remediation scan</c>: judges .eml files with the pipeline's engine and prints the verdicts.</summary>
internal static class ScanCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = ".eml files, or folders searched for them.", Arity = ArgumentArity.OneOrMore };
        var explain = new Option<bool>("--explain") { Description = "List the rules that fired, with weights and reasons." };
        var json = new Option<bool>("--json") { Description = "Write the verdicts as JSON." };
        var tenantId = new Option<string?>("--tenant-id") { Description = "The tenant whose transport stamps prove delivery (provenance rules stay silent without it)." };
        var acceptedDomains = new Option<string[]>("--accepted-domain") { Description = "The tenant's own mail domains, for impersonation rules; repeat the option for each." };
        var settings = new Option<string?>("--settings") { Description = "A JSON file with a Detection section (blocklists, protected brands, thresholds, limits)." };
        var command = new Command("scan", "Scan .eml files: a verdict per message, with reasons on request.") { paths, explain, json, tenantId, acceptedDomains, settings };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(paths)!, parse.GetValue(explain), parse.GetValue(json),
            LocalScanner.Create(parse.GetValue(tenantId), parse.GetValue(acceptedDomains) ?? [], parse.GetValue(settings)),
            Console.Out, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(IEnumerable<string> paths, bool explain, bool asJson, LocalScanner scanner, TextWriter output, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) files.AddRange(Directory.EnumerateFiles(path, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(path)) files.Add(path);
            else
            {
                await Console.Error.WriteLineAsync($"No file or folder {path}.");
                return 1;
            }
        }

        var results = new List<(string File, Verdict Verdict)>();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            results.Add((file, scanner.Scan(await scanner.ReadAsync(stream, cancellationToken))));
        }

        if (asJson)
        {
            output.WriteLine(JsonSerializer.Serialize(results.Select(r => new { r.File, r.Verdict.Band, r.Verdict.Category, r.Verdict.Score, r.Verdict.Unscannable, r.Verdict.CampaignKey, r.Verdict.Fingerprint, r.Verdict.Hits }), Json));
            return 0;
        }

        var width = Math.Max(4, results.Count == 0 ? 0 : results.Max(r => r.File.Length));
        output.WriteLine($"{"band",-11} {"category",-9} {"score",6}  {"file".PadRight(width)}  rules");
        foreach (var (file, verdict) in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{verdict.Band.ToString().ToLowerInvariant(),-11} {verdict.Category.ToString().ToLowerInvariant(),-9} {verdict.Score,6:0.0}  {file.PadRight(width)}  {string.Join(',', verdict.RuleNames)}"));
            if (!explain) continue;
            foreach (var hit in verdict.Hits)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {hit.Weight,5:+0.0;-0.0;0.0}  {hit.Rule,-28} {hit.Reason}"));
            }
            if (verdict.Unscannable is not null) output.WriteLine($"    unscannable: {verdict.Unscannable}");
            output.WriteLine($"    fingerprint {verdict.Fingerprint.Id}, campaign key {verdict.CampaignKey ?? "none: too little of its own to stand for a campaign"}");
        }
        return 0;
    }
}
