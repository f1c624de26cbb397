using System.CommandLine;
using Remediation.Showcase.Bench;
using Spectre.Console;

namespace Remediation.Showcase.Commands;

/// <summary><c>campaign-bench</c>: the bench's time to remediate one campaign alone, with its Graph requests by kind.</summary>
internal static class CampaignBenchCommand
{
    public static Command Create()
    {
        var mailboxes = new Option<int>("--mailboxes") { Description = "Mailboxes in the campaign, one copy each.", DefaultValueFactory = _ => 1_000 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds the campaign may take.", DefaultValueFactory = _ => 900 };
        var command = new Command("campaign-bench", "Measure the time to remediate one campaign, and what it asked of Graph.") { mailboxes, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await CampaignRemediationBench.RunAsync(parse.GetValue(mailboxes), TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken);
            BenchConsole.Remediation(AnsiConsole.Console, result);
            return result.Completed ? 0 : 1;
        });
        return command;
    }
}
