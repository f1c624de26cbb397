using System.Globalization;
using Spectre.Console;

namespace Remediation.Showcase.Bench;

/// <summary>Prints each bench section as it completes, in the units the goals are stated in.</summary>
internal static class BenchConsole
{
    public static void Machine(IAnsiConsole console, BenchMachine machine) =>
        console.WriteLine($"{machine.Cores} cores, {machine.MemoryBytes / (1024 * 1024 * 1024.0):F0} GiB, {machine.OperatingSystem}, {machine.Runtime}; load average {string.Join(" → ", machine.LoadAverage)}");

    public static void Scan(IAnsiConsole console, ScanThroughputResult scan)
    {
        var table = TitledTable($"Scan throughput, one thread, SpamAssassin corpus {scan.Split}", "scanner", "messages", "msg/s", "p50 ms", "p99 ms");
        Row(table, "MIME parse only", scan.ParseOnly);
        Row(table, "full engine", scan.FullEngine);
        if (scan.FullEngineOnSpamAssassinSample is { } sample) Row(table, "full engine, SpamAssassin's sample", sample);
        if (scan.SpamAssassin is { } spamAssassin) Row(table, "SpamAssassin 4, local rules", spamAssassin);
        console.Write(table);
        console.WriteLine($"SpamAssassin: {scan.SpamAssassinNote}");
    }

    public static void Webhook(IAnsiConsole console, WebhookIntakeResult webhook)
    {
        var table = TitledTable(
            $"Webhook intake: {webhook.Notifications:N0} notifications in {webhook.Seconds:F0} s, {webhook.PerPost} per POST, {webhook.Concurrency} POSTs in flight, Azurite behind",
            "notifications/s", "p50 ms per POST", "p99 ms per POST", "sent", "queued", "refused POSTs");
        table.AddRow(Invariant($"{webhook.NotificationsPerSecond:N0}"), Invariant($"{webhook.ResponseMilliseconds.P50:F1}"), Invariant($"{webhook.ResponseMilliseconds.P99:F1}"),
            Invariant($"{webhook.Sent:N0}"), Invariant($"{webhook.Queued:N0}"), Invariant($"{webhook.RefusedPosts}"));
        console.Write(table);
    }

    public static void Remediation(IAnsiConsole console, CampaignRemediationResult result) => console.WriteLine(
        Invariant($"  {result.Mailboxes:N0} mailboxes, {result.Instances} instance{(result.Instances == 1 ? "" : "s")}: {result.Remediated:N0} remediated ") +
        Invariant($"({result.DuplicateRemediations} twice, {result.ExtraMoves} extra moves), whole campaign {result.Seconds:F1} s ") +
        Invariant($"(p50 {result.TimeToRemediateSeconds.P50:F1} s, p99 {result.TimeToRemediateSeconds.P99:F1} s per copy), ") +
        Invariant($"{result.GraphRequests:N0} Graph requests ({result.GraphRequestsPerMailbox:F2} per mailbox in {result.RoundTripsPerMailbox:F2} round trips), {result.ThrottledRequests:N0} throttled; ideal bound {result.IdealSeconds:F1} s") +
        "\n    Graph requests per mailbox by kind: " + string.Join(", ", result.RequestsPerMailboxByKind.Where(k => k.Value >= 0.005)
            .OrderByDescending(k => k.Value).Select(k => Invariant($"{k.Key} {k.Value:F2}"))) +
        (result.StorageCallsPerMailboxByKind.Count == 0 ? "" :
            Invariant($"\n    storage calls per mailbox: {result.StorageCallsPerMailboxByKind.Values.Sum():F2}, by kind: ") + string.Join(", ", result.StorageCallsPerMailboxByKind
                .Where(k => k.Value >= 0.005).OrderByDescending(k => k.Value).Select(k => Invariant($"{k.Key} {k.Value:F2}")))) +
        (result.FailedAttempts + result.PoisonMessages > 0 ? Invariant($"; {result.FailedAttempts} failed attempts, {result.PoisonMessages} poison messages") : "") +
        string.Concat(result.ErrorsLogged.Select(e => $"\n    error logged by {e.Key}: {e.Value}")));

    public static void Remediation(IAnsiConsole console, IReadOnlyList<CampaignRemediationResult> results)
    {
        var table = TitledTable(
            $"Time to remediate a campaign, one copy per mailbox, Graph latency {CampaignRemediationBench.GraphLatency.TotalMilliseconds:F0} ms, throttling on",
            "mailboxes", "remediated", "whole campaign s", "p50 s per copy", "p99 s per copy", "Graph requests", "429s", "ideal bound s");
        foreach (var r in results)
        {
            table.AddRow(Invariant($"{r.Mailboxes:N0}"), Invariant($"{r.Remediated:N0}"), Invariant($"{r.Seconds:F1}"), Invariant($"{r.TimeToRemediateSeconds.P50:F1}"),
                Invariant($"{r.TimeToRemediateSeconds.P99:F1}"), Invariant($"{r.GraphRequests:N0}"), Invariant($"{r.ThrottledRequests:N0}"), Invariant($"{r.IdealSeconds:F1}"));
        }
        console.Write(table);
        console.WriteLine($"campaign sent as messages of {CampaignRemediationBench.RecipientsPerMessage} recipients, one copy of each announced to the webhook; " +
            $"ideal bound: mailboxes × Graph requests per mailbox × {CampaignRemediationBench.GraphLatency.TotalMilliseconds:F0} ms ÷ {CampaignRemediationBench.RemediationJobsInFlight} remediation jobs in flight");
    }

    public static void Memory(IAnsiConsole console, IReadOnlyDictionary<string, long> peaks) =>
        console.WriteLine("peak working set of this process (local host, simulator and bench driver) after each part: "
            + string.Join(", ", peaks.Select(p => Invariant($"{p.Key} {p.Value / (1024.0 * 1024):F0} MiB"))));

    private static Table TitledTable(string title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (var column in columns) table.AddColumn(new TableColumn(column).RightAligned());
        table.Columns[0].LeftAligned();
        return table;
    }

    private static void Row(Table table, string name, MessageRate rate) => table.AddRow(
        name, Invariant($"{rate.Messages:N0}"), Invariant($"{rate.MessagesPerSecond:N0}"), Invariant($"{rate.Milliseconds.P50:F3}"), Invariant($"{rate.Milliseconds.P99:F3}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
