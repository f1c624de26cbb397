using System.CommandLine;
using System.Text.Json;
using Remediation.Showcase.Bench;
using Spectre.Console;

namespace Remediation.Showcase.Commands;

/// <summary>
/// <c>bench</c>: every performance goal measured in one run on this machine: scan throughput beside
/// SpamAssassin, webhook intake, time to remediate campaigns of growing size, and peak memory. Writes the results
/// as JSON and the growth of time to remediate as an SVG chart.
/// </summary>
internal static class BenchCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var sizes = new Option<int[]>("--campaign-sizes") { Description = "Mailboxes per campaign, one copy each.", DefaultValueFactory = _ => [1000, 5000, 10000], AllowMultipleArgumentsPerToken = true };
        var webhookSeconds = new Option<int>("--webhook-seconds") { Description = "Seconds the webhook is driven for in the timed run.", DefaultValueFactory = _ => 60 };
        var concurrency = new Option<int>("--concurrency") { Description = "Webhook POSTs in flight at once.", DefaultValueFactory = _ => 2 };
        var spamAssassin = new Option<int>("--spamassassin-messages") { Description = "Corpus messages SpamAssassin scores, spread over the split.", DefaultValueFactory = _ => 200 };
        var timeout = new Option<int>("--campaign-timeout") { Description = "Seconds each campaign may take.", DefaultValueFactory = _ => 400 };
        var output = new Option<string>("--output-dir") { Description = "Where results.json and the chart are written.", DefaultValueFactory = _ => Path.Combine("artifacts", "bench") };
        var command = new Command("bench", "Measure scan throughput, webhook intake, time to remediate campaigns of 1k-10k mailboxes, and peak memory.")
        {
            sizes, webhookSeconds, concurrency, spamAssassin, timeout, output,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            new BenchOptions(parse.GetValue(sizes)!, TimeSpan.FromSeconds(parse.GetValue(webhookSeconds)), parse.GetValue(concurrency), parse.GetValue(spamAssassin),
                TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(output)!),
            Console.Out, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var console = OutputConsole.Create(output);
        if (options.Problem is { } problem)
        {
            console.WriteLine(problem);
            return 2;
        }

        var results = await BenchSuite.RunAsync(options, console, cancellationToken);

        Directory.CreateDirectory(options.OutputDirectory);
        var resultsPath = Path.Combine(options.OutputDirectory, BenchOptions.ResultsFile);
        var chartPath = Path.Combine(options.OutputDirectory, BenchOptions.ChartFile);
        await File.WriteAllTextAsync(resultsPath, JsonSerializer.Serialize(results, Json), cancellationToken);
        await File.WriteAllTextAsync(chartPath, TimeToRemediateChart.Render(results.Remediation,
            $"Time to remediate, one copy per mailbox ({results.Machine.Cores} cores, Graph latency {CampaignRemediationBench.GraphLatency.TotalMilliseconds:F0} ms)"), cancellationToken);
        console.WriteLine($"results: {resultsPath}; chart: {chartPath}; {results.TotalSeconds:F0} s in all");

        var passed = results.Webhook.Queued == results.Webhook.Sent && results.Webhook.RefusedPosts == 0 && results.Remediation.All(r => r.Completed);
        console.MarkupLine(passed ? "[green]PASS[/]: every notification became a scan request, every campaign was remediated." : "[red]FAIL[/]: see the figures above.");
        return passed ? 0 : 1;
    }
}
