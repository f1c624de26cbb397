using System.Globalization;
using Spectre.Console;

namespace Remediation.Showcase;

/// <summary>The closing summary of the showcase run: what happened to every copy, and where the evidence is.</summary>
internal static class ShowcaseSummary
{
    public static void Write(IAnsiConsole console, ShowcaseOutcome outcome, string reportPath, string auditPath)
    {
        var campaigns = new Table().Border(TableBorder.Rounded).Title("[bold]Malicious campaigns[/]")
            .AddColumn("campaign").AddColumn("arrived").AddColumn(new TableColumn("copies").RightAligned())
            .AddColumn(new TableColumn("found").RightAligned()).AddColumn(new TableColumn("remediated").RightAligned());
        foreach (var campaign in outcome.Campaigns)
        {
            var colour = campaign.Remediated == campaign.Copies ? "green" : "red";
            campaigns.AddRow(
                new Text(campaign.Name), new Text(campaign.Path), new Text(Number(campaign.Copies)),
                new Text(Number(campaign.Found)), new Markup($"[{colour}]{Number(campaign.Remediated)}[/]"));
        }
        console.Write(campaigns);

        var ttr = outcome.TimeToRemediateSeconds;
        var flaggedInWave = outcome.FlaggedMailboxes.Intersect(outcome.WaveMailboxes, StringComparer.OrdinalIgnoreCase).Count();
        console.WriteLine($"ordinary items: {Number(outcome.BenignDelivered)}, touched: {outcome.BenignTouched} ({string.Join("; ", outcome.OrdinaryByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {Number(k.Value)}"))})");
        console.WriteLine($"verdicts: {string.Join(", ", outcome.Verdicts.Select(v => $"{v.Key} {Number(v.Value)}"))}");
        console.WriteLine($"mailboxes flagged as compromised: {outcome.FlaggedMailboxes.Count} ({flaggedInWave} of {outcome.WaveMailboxes.Count} in the wave, {outcome.FlaggedMailboxes.Count - flaggedInWave} outside it)");
        if (outcome.SocForwarder is { } forwarder)
        {
            var verdict = outcome.FlaggedMailboxes.Contains(forwarder, StringComparer.OrdinalIgnoreCase) ? "flagged (wrongly)" : "not flagged";
            console.WriteLine($"{forwarder} forwarded the lure to the SOC from Drafts and Sent Items: {verdict}");
        }
        if (outcome.CampaignsHeld > 0) console.WriteLine($"campaigns held for the SOC: {outcome.CampaignsHeld}");
        console.WriteLine($"users without a mailbox, skipped: {outcome.UsersWithoutMailbox}");
        console.WriteLine($"notifications Graph never sent: {Number(outcome.NotificationLoss.Dropped)}; messages the reconciliation timer found unscanned: {Number(outcome.NotificationLoss.Reconciled)}");
        console.WriteLine($"alerts: {string.Join(", ", outcome.Alerts.Where(a => a.Value > 0).Select(a => $"{a.Key} {Number(a.Value)}"))}");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"time to remediate, delivery to remediation: p50 {ttr.P50:F1} s, p99 {ttr.P99:F1} s, max {ttr.Max:F1} s over {ttr.Count} copies"));
        console.WriteLine($"Graph: {Number(outcome.GraphRequests)} requests, {Number(outcome.ThrottledRequests)} throttled (429); {Number(outcome.Notifications)} notifications delivered");
        console.WriteLine($"audit trail: {Number(outcome.Audit.Count)} records, exported to {auditPath} (Azurite's 'audit' table is gone with the run)");
        console.WriteLine($"report: {reportPath}");
        var elapsed = outcome.ElapsedSeconds.ToString("F1", CultureInfo.InvariantCulture);
        console.MarkupLine(outcome.Succeeded
            ? $"[green]PASS[/]: every malicious copy remediated and no ordinary message touched, {elapsed} s after the first delivery."
            : $"[red]FAIL[/]: {FailureReason(outcome)}");
    }

    private static string FailureReason(ShowcaseOutcome outcome) =>
        outcome.BenignTouched > 0 ? $"{outcome.BenignTouched} ordinary messages were touched."
        : !outcome.Settled ? $"the pipeline did not finish within {outcome.Options.Timeout.TotalSeconds:F0} s."
        : "not every malicious copy was remediated.";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
