using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Remediation.Showcase.Commands;

/// <summary>
/// <c>run</c>: the showcase. A simulated tenant receives ordinary mail, a transported phishing campaign
/// and an Email Appender wave; the pipeline, running locally on Azurite, remediates every malicious copy and flags
/// the stolen mailboxes while ordinary mail stays put. Exits 0 only when that is what happened.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var mailboxes = new Option<int>("--mailboxes") { Description = "Mailboxes in the simulated tenant.", DefaultValueFactory = _ => 200 };
        var wave = new Option<int>("--wave") { Description = "Compromised mailboxes the Email Appender wave is appended into.", DefaultValueFactory = _ => 25 };
        var campaignRecipients = new Option<int>("--campaign-recipients") { Description = "Recipients of the transported phishing campaign.", DefaultValueFactory = _ => 60 };
        var benign = new Option<int>("--benign") { Description = "Ordinary messages delivered at a steady rate during the run.", DefaultValueFactory = _ => 200 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the pipeline to finish.", DefaultValueFactory = _ => 300 };
        var reportDirectory = new Option<string>("--report-dir") { Description = "Where the JSON report and the audit export are written.", DefaultValueFactory = _ => Path.Combine("artifacts", "run") };
        var verbose = new Option<bool>("--verbose") { Description = "Show the pipeline's log lines instead of the live view." };
        var dropped = new Option<double>("--dropped-notifications")
        {
            Description = "Percent of change notifications Graph never sends; the reconciliation timer finds their messages.",
            DefaultValueFactory = _ => ShowcaseOptions.DefaultDroppedNotifications * 100,
        };
        var command = new Command("run", "Run the pipeline locally against a simulated tenant under a phishing campaign and an Email Appender wave.")
        {
            mailboxes, wave, campaignRecipients, benign, timeout, reportDirectory, verbose, dropped,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            new ShowcaseOptions(
                parse.GetValue(mailboxes), parse.GetValue(wave), parse.GetValue(campaignRecipients), parse.GetValue(benign),
                TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(reportDirectory)!, parse.GetValue(verbose), parse.GetValue(dropped) / 100),
            Console.Out, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(ShowcaseOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var console = OutputConsole.Create(output);
        if (options.Problem is { } problem)
        {
            console.WriteLine(problem);
            return 2;
        }

        console.WriteLine($"Starting Azurite, the tenant simulator and the local pipeline host; subscribing {options.Mailboxes} mailboxes through the subscription keeper...");
        await using var scenario = await ShowcaseScenario.StartAsync(options, PipelineLogs(options.Verbose), cancellationToken);
        console.WriteLine($"{scenario.Subscriptions} mailboxes subscribed. Ordinary mail starts; a phishing campaign to {options.CampaignRecipients} "
            + $"mailboxes and an Email Appender wave into {options.Wave} follow.");

        var outcome = await ProgressView.ShowWhileAsync(console, scenario.Progress, scenario.RunAsync(cancellationToken), live: !options.Verbose);
        var (report, audit) = await ShowcaseReport.WriteAsync(outcome, cancellationToken);
        ShowcaseSummary.Write(console, outcome, report, audit);
        return outcome.Succeeded ? 0 : 1;
    }

    // Off by default: the live view tells the story. With --verbose, the stages' own lines without the frameworks' chatter.
    private static Action<ILoggingBuilder> PipelineLogs(bool verbose) => logging =>
    {
        logging.ClearProviders();
        if (!verbose) return;
        logging.AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss.fff "; });
        logging.SetMinimumLevel(LogLevel.Warning);
        // The storage SDK logs every expected 409 (an entity that exists already) as a warning.
        logging.AddFilter("Azure", LogLevel.Error);
        logging.AddFilter("Remediation", LogLevel.Information);
    };
}
