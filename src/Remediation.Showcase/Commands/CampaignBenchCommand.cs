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
        var timeout = new Option<int>("--timeout") { Description = "Seconds each campaign may take.", DefaultValueFactory = _ => 900 };
        var instances = new Option<int[]>("--instances")
        {
            Description = "Pipeline hosts sharing the storage and the tenant, one run per count.", DefaultValueFactory = _ => [1], AllowMultipleArgumentsPerToken = true,
        };
        var storageCalls = new Option<bool>("--storage-calls") { Description = "Count queue and table calls by kind (Azurite's debug log slows it: time runs without it)." };
        var afterRestart = new Option<bool>("--after-restart")
        {
            Description = "Remediate a first campaign, replace every instance, and measure a second campaign into the same mailboxes.",
        };
        var command = new Command("campaign-bench", "Measure the time to remediate one campaign on one or more instances, and what it asked of Graph and storage.")
        {
            mailboxes, timeout, instances, storageCalls, afterRestart,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var exact = true;
            if (parse.GetValue(afterRestart)) AnsiConsole.WriteLine("  a second campaign into the same mailboxes, on instances started after the first was remediated:");
            foreach (var count in parse.GetValue(instances)!)
            {
                var result = await CampaignRemediationBench.RunAsync(parse.GetValue(mailboxes), TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken, count, parse.GetValue(storageCalls), parse.GetValue(afterRestart));
                BenchConsole.Remediation(AnsiConsole.Console, result);
                exact &= result.Completed && result.DuplicateRemediations == 0 && result.ExtraMoves == 0;
            }
            // Every copy remediated, and each exactly once, on every instance count.
            return exact ? 0 : 1;
        });
        return command;
    }
}
