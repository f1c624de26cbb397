using System.CommandLine;
using System.Net.Http.Headers;

namespace Remediation.Cli.Commands;

/// <summary>
/// <c>remediation restore</c> and <c>remediation approve</c>: the SOC's levers, on the deployed app as a signed-in
/// analyst (Entra ID, the operator app role), or on a local host with its admin key.
/// </summary>
internal static class CampaignCommands
{
    public static Command Restore()
    {
        var mailbox = new Option<string?>("--mailbox") { Description = "Only this mailbox's copies (user id)." };
        var message = new Option<string?>("--message") { Description = "Only this copy (immutable message id; with --mailbox)." };
        var hunt = new Option<string?>("--hunt") { Description = "Instead of --campaign: every campaign this hunt remediated (the HuntCompleted alert's HuntId)." };
        var (command, caller, campaign) = Create("restore", "Put a campaign's remediated copies back where each was (all, one mailbox, or one copy), or a hunt's.", campaignRequired: false);
        command.Options.Add(mailbox);
        command.Options.Add(message);
        command.Options.Add(hunt);
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(hunt) is { } huntId)
            {
                return SendAsync(caller.Read(parse), HttpMethod.Post, $"api/hunts/{Uri.EscapeDataString(huntId)}/restore", "", ct);
            }
            if (parse.GetValue(campaign) is not { } campaignId)
            {
                Console.Error.WriteLine("Name the --campaign (or the --hunt) to restore.");
                return Task.FromResult(2);
            }
            var query = string.Join('&', new[] { ("mailbox", parse.GetValue(mailbox)), ("message", parse.GetValue(message)) }
                .Where(p => p.Item2 is not null)
                .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
            return SendAsync(caller.Read(parse), HttpMethod.Post, $"api/campaigns/{Uri.EscapeDataString(campaignId)}/restore", query, ct);
        });
        return command;
    }

    public static Command Approve()
    {
        var (command, caller, campaign) = Create("approve", "Approve a campaign the blast-radius guard held: every copy is remediated.");
        command.SetAction((parse, ct) =>
            SendAsync(caller.Read(parse), HttpMethod.Post, $"api/campaigns/{Uri.EscapeDataString(parse.GetValue(campaign)!)}/approve", "", ct));
        return command;
    }

    private static (Command Command, CallerOptions Caller, Option<string> Campaign) Create(string name, string description, bool campaignRequired = true)
    {
        var caller = new CallerOptions();
        var campaign = new Option<string>("--campaign") { Description = "The campaign id (from the alert's CampaignId).", Required = campaignRequired };
        var command = new Command(name, description) { campaign };
        caller.AddTo(command);
        return (command, caller, campaign);
    }

    /// <summary>Calls one of the SOC's endpoints as the caller and prints the answer; 0 when it succeeded.</summary>
    internal static async Task<int> SendAsync(Caller caller, HttpMethod method, string path, string query, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = caller.Url };
        string? key = null;
        if (caller.ClientId is { } clientId)
        {
            if (caller.TenantId is not { } tenantId)
            {
                Console.Error.WriteLine("--tenant (or AZURE_TENANT_ID) is needed with --client-id.");
                return 2;
            }
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await OperatorSignIn.TokenAsync(clientId, tenantId, caller.DeviceCode, cancellationToken));
        }
        else if (caller.LocalAdminKey is not null)
        {
            key = caller.LocalAdminKey;
        }
        else
        {
            Console.Error.WriteLine("Sign in with --client-id (the deployed app), or give a local host's admin key (--key or REMEDIATION_ADMIN_KEY).");
            return 2;
        }
        var parameters = string.Join('&', new[] { key is null ? null : $"code={Uri.EscapeDataString(key)}", query }.Where(p => !string.IsNullOrEmpty(p)));
        using var response = await http.SendAsync(new HttpRequestMessage(method, parameters.Length == 0 ? path : $"{path}?{parameters}"), cancellationToken);
        Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
        Console.WriteLine(await response.Content.ReadAsStringAsync(cancellationToken));
        return response.IsSuccessStatusCode ? 0 : 1;
    }
}
