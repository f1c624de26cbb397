using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Spectre.Console;

namespace Remediation.Showcase.Bench;

/// <summary>Runs every measurement of the bench in turn, printing each as it completes.</summary>
internal static class BenchSuite
{
    public static async Task<BenchResults> RunAsync(BenchOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var machine = new BenchMachine(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, [BenchMachine.CurrentLoadAverage()]);
        var peaks = new Dictionary<string, long>();
        BenchConsole.Machine(console, machine);

        console.WriteLine("Scanning the corpus's evaluation split...");
        ScanThroughputResult? scan = null;
        string? scanNote = null;
        try
        {
            scan = await ScanThroughputBench.RunAsync(options.SpamAssassinMessages, cancellationToken);
            BenchConsole.Scan(console, scan);
        }
        catch (DirectoryNotFoundException missing)
        {
            scanNote = missing.Message;
            console.WriteLine($"Scan throughput skipped: {scanNote}");
        }
        peaks["scan"] = PeakWorkingSet();

        console.WriteLine($"POSTing notifications to the local host's webhook for {options.WebhookDuration.TotalSeconds:F0} s...");
        var webhook = await WebhookIntakeBench.RunAsync(options.WebhookDuration, ChangeNotificationBatch.GraphMaxPerPost, options.Concurrency, cancellationToken);
        BenchConsole.Webhook(console, webhook);
        peaks["webhook"] = PeakWorkingSet();

        var remediation = new List<CampaignRemediationResult>();
        foreach (var size in options.CampaignSizes)
        {
            console.WriteLine($"Remediating a campaign across {size:N0} mailboxes...");
            var result = await CampaignRemediationBench.RunAsync(size, options.CampaignTimeout, cancellationToken);
            BenchConsole.Remediation(console, result);
            remediation.Add(result);
            peaks[string.Create(CultureInfo.InvariantCulture, $"campaign {size}")] = PeakWorkingSet();
        }
        BenchConsole.Remediation(console, remediation);
        BenchConsole.Memory(console, peaks);

        machine = machine with { LoadAverage = [.. machine.LoadAverage, BenchMachine.CurrentLoadAverage()] };
        console.WriteLine($"load average (1, 5, 15 min) at the start and the end: {string.Join(" → ", machine.LoadAverage)}");
        return new BenchResults(DateTimeOffset.UtcNow, machine, scan, scanNote, webhook, remediation, peaks, clock.Elapsed.TotalSeconds);
    }

    // The local host and the simulator run in this process, so its peak is theirs (Azurite, a Node process, is apart).
    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
