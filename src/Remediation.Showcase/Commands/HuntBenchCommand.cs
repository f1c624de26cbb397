using System.CommandLine;
using Remediation.Showcase.Bench;

namespace Remediation.Showcase.Commands;

/// <summary><c>hunt-bench</c>: time from a new indicator to every matching copy remediated, and the index's cost per message.</summary>
internal static class HuntBenchCommand
{
    public static Command Create()
    {
        var matching = new Option<int>("--matching") { Description = "Copies that match the hunt, one per mailbox.", DefaultValueFactory = _ => 10_000 };
        var indexed = new Option<int>("--indexed") { Description = "Messages in the index, the matching ones included.", DefaultValueFactory = _ => 100_000 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds the hunt may take.", DefaultValueFactory = _ => 900 };
        var command = new Command("hunt-bench", "Measure a retro-hunt: a domain named after its mail was delivered, to every copy remediated.") { matching, indexed, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await RetroHuntBench.RunAsync(parse.GetValue(matching), parse.GetValue(indexed), TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken);
            Console.WriteLine($"index: {result.Indexed:N0} messages filed in {result.IndexSeconds:F1} s; {result.RowsPerMessage:F2} rows and {result.BytesPerMessage:F0} bytes per message");
            Console.WriteLine($"hunt: {result.Remediated:N0} of {result.Matching:N0} matching copies remediated {result.Seconds:F1} s after the indicator; {result.GraphRequests:N0} Graph requests ({(double)result.GraphRequests / Math.Max(1, result.Matching):F2} per copy)");
            return result.Remediated == result.Matching ? 0 : 1;
        });
        return command;
    }
}
