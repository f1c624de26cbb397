using System.CommandLine;

namespace Remediation.Cli.Commands;

/// <summary>
/// <c>remediation restore</c> and <c>remediation approve</c>: the SOC's levers, through the deployed app's admin
/// endpoints (master key) or a local host's.
/// </summary>
internal static class CampaignCommands
{
    public static Command Restore()
    {
        var mailbox = new Option<string?>("--mailbox") { Description = "Only this mailbox's copies (user id)." };
        var message = new Option<string?>("--message") { Description = "Only this copy (immutable message id; with --mailbox)." };
        var (command, url, key, campaign) = Create("restore", "Put a campaign's remediated copies back where each was (all, one mailbox, or one copy).");
        command.Options.Add(mailbox);
        command.Options.Add(message);
        command.SetAction((parse, ct) =>
        {
            var query = string.Join('&', new[] { ("mailbox", parse.GetValue(mailbox)), ("message", parse.GetValue(message)) }
                .Where(p => p.Item2 is not null)
                .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
            return PostAsync(parse.GetValue(url)!, parse.GetValue(key), $"api/campaigns/{Uri.EscapeDataString(parse.GetValue(campaign)!)}/restore", query, ct);
        });
        return command;
    }

    public static Command Approve()
    {
        var (command, url, key, campaign) = Create("approve", "Approve a campaign the blast-radius guard held: every copy is remediated.");
        command.SetAction((parse, ct) =>
            PostAsync(parse.GetValue(url)!, parse.GetValue(key), $"api/campaigns/{Uri.EscapeDataString(parse.GetValue(campaign)!)}/approve", "", ct));
        return command;
    }

    private static (Command Command, Option<Uri> Url, Option<string?> Key, Option<string> Campaign) Create(string name, string description)
    {
        var url = new Option<Uri>("--url") { Description = "The app's base URL, e.g. https://<app>.azurewebsites.net", Required = true };
        var key = new Option<string?>("--key")
        {
            Description = "The app's master key (default: the REMEDIATION_ADMIN_KEY environment variable).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REMEDIATION_ADMIN_KEY"),
        };
        var campaign = new Option<string>("--campaign") { Description = "The campaign id (from the alert's CampaignId).", Required = true };
        return (new Command(name, description) { url, key, campaign }, url, key, campaign);
    }

    private static async Task<int> PostAsync(Uri baseUrl, string? key, string path, string query, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        var parameters = string.Join('&', new[] { key is null ? null : $"code={Uri.EscapeDataString(key)}", query }.Where(p => !string.IsNullOrEmpty(p)));
        using var response = await http.PostAsync(parameters.Length == 0 ? path : $"{path}?{parameters}", null, cancellationToken);
        Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
        Console.WriteLine(await response.Content.ReadAsStringAsync(cancellationToken));
        return response.IsSuccessStatusCode ? 0 : 1;
    }
}
