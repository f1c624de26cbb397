using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Remediation.Showcase;

/// <summary>
/// Shows the pipeline's progress while work runs: a live table on a terminal, a plain line every few seconds
/// elsewhere (tests, CI, a redirected output), where redrawing would only repeat itself.
/// </summary>
internal static class ProgressView
{
    private static readonly TimeSpan LiveRefresh = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainRefresh = TimeSpan.FromSeconds(5);

    public static async Task<T> ShowWhileAsync<T>(IAnsiConsole console, Func<ProgressSnapshot> snapshot, Task<T> work, bool live)
    {
        if (live && console.Profile.Capabilities.Interactive)
        {
            return await console.Live(Render(snapshot())).AutoClear(false).StartAsync(async context =>
            {
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(LiveRefresh));
                    context.UpdateTarget(Render(snapshot()));
                }
                return await work;
            });
        }

        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(PlainRefresh));
            console.WriteLine(Line(snapshot()));
        }
        return await work;
    }

    private static Table Render(ProgressSnapshot s)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Pipeline at {Seconds(s.Elapsed)}[/]")
            .AddColumn("stage").AddColumn(new TableColumn("count").RightAligned()).AddColumn("detail");
        table.AddRow(Cell("mail delivered"), Cell($"{s.BenignDelivered + s.MaliciousDelivered}"),
            Cell($"{s.BenignDelivered}/{s.BenignPlanned} ordinary, {s.MaliciousDelivered}/{s.MaliciousPlanned} malicious"));
        table.AddRow(Cell("notifications"), Cell($"{s.Notifications}"), Cell($"{s.GraphRequests} Graph requests, {s.Throttled} throttled (429)"));
        table.AddRow(Cell("scans"), Cell($"{s.Scanned}"), new Markup(VerdictMarkup(s.Verdicts)));
        table.AddRow(Cell("copies remediated"), Cell($"{s.Remediated}/{s.MaliciousPlanned}"), Bar(s.Remediated, s.MaliciousPlanned));
        table.AddRow(Cell("mailboxes flagged compromised"), Cell($"{s.Compromised}"), Cell($"{s.WaveMailboxes} in the Email Appender wave"));
        if (s.CampaignsHeld > 0) table.AddRow(Cell("campaigns held for the SOC"), Cell($"{s.CampaignsHeld}"), Cell("over the blast-radius guard"));
        return table;
    }

    private static string Line(ProgressSnapshot s) => string.Create(CultureInfo.InvariantCulture,
        $"[{Seconds(s.Elapsed)}] delivered {s.BenignDelivered + s.MaliciousDelivered}/{s.BenignPlanned + s.MaliciousPlanned}, " +
        $"notifications {s.Notifications}, scans {s.Scanned} ({string.Join(", ", s.Verdicts.Select(v => $"{v.Key} {v.Value}"))}), " +
        $"remediated {s.Remediated}/{s.MaliciousPlanned}, compromised {s.Compromised}/{s.WaveMailboxes}");

    private static string VerdictMarkup(IReadOnlyDictionary<string, int> verdicts) => string.Join("  ", verdicts.Select(v =>
        $"[{(v.Key == "malicious" ? "red" : v.Key == "suspicious" ? "yellow" : v.Key == "clean" ? "green" : "grey")}]{v.Key} {v.Value}[/]"));

    private static IRenderable Bar(int done, int total)
    {
        const int width = 30;
        var filled = total == 0 ? width : (int)Math.Round((double)done / total * width);
        return new Markup($"[green]{new string('█', filled)}[/][grey]{new string('░', width - filled)}[/]");
    }

    private static Text Cell(string text) => new(text);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
}
