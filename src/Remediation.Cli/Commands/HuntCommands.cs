using System.CommandLine;

namespace Remediation.Cli.Commands;

/// <summary>
/// <c>remediation hunt</c> and <c>remediation hunt-report</c>: look through mail already delivered for what the SOC
/// learned since, and read how far a hunt got and what it found. Undo with <c>remediation restore --hunt</c>.
/// </summary>
internal static class HuntCommands
{
    public static Command Start()
    {
        var caller = new CallerOptions();
        Option<string?>[] indicators =
        [
            new("--url-domain") { Description = "Mail linking to this domain or host (its subdomains too)." },
            new("--sender") { Description = "Mail from this address, or from any address of this domain." },
            new("--sha256") { Description = "Mail with an attachment of this SHA-256." },
            new("--fingerprint") { Description = "Mail with this content fingerprint (an alert's Fingerprint)." },
        ];
        var since = new Option<string?>("--since") { Description = "How far back: 7d, 48h, 30m (default: the deployment's Hunting__Window, 7 days)." };
        var reportOnly = new Option<bool>("--report-only") { Description = "Record what would be remediated; move nothing." };
        var command = new Command("hunt", "Find every copy already delivered that matches an indicator, judge it again and remediate what is malicious.");
        foreach (var option in indicators) command.Options.Add(option);
        command.Options.Add(since);
        command.Options.Add(reportOnly);
        caller.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var query = string.Join('&', indicators.Select(o => (Name: o.Name.TrimStart('-'), Value: parse.GetValue(o)))
                .Append((Name: "since", Value: parse.GetValue(since)))
                .Append((Name: "report-only", Value: parse.GetValue(reportOnly) ? "true" : null))
                .Where(p => !string.IsNullOrEmpty(p.Value))
                .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
            return CampaignCommands.SendAsync(caller.Read(parse), HttpMethod.Post, "api/hunts", query, ct);
        });
        return command;
    }

    public static Command Report()
    {
        var caller = new CallerOptions();
        var hunt = new Option<string>("--hunt") { Description = "The hunt id (printed by hunt; the HuntCompleted alert's HuntId).", Required = true };
        var command = new Command("hunt-report", "Show a hunt: what it looks for, how far it got, and each content it judged.") { hunt };
        caller.AddTo(command);
        command.SetAction((parse, ct) =>
            CampaignCommands.SendAsync(caller.Read(parse), HttpMethod.Get, $"api/hunts/{Uri.EscapeDataString(parse.GetValue(hunt)!)}", "", ct));
        return command;
    }
}
