using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Remediation.Cli.LocalRun;

namespace Remediation.Cli.Commands;

/// <summary>
/// <c>remediation run</c>: a phishing lure reaches two mailboxes of a simulated tenant and the pipeline, running
/// locally on Azurite, moves every copy out of the Inboxes while ordinary mail stays put.
/// </summary>
internal static class RunCommand
{
    private static readonly string[] Targets = ["adele", "bob"];

    public static Command Create()
    {
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the remediation.", DefaultValueFactory = _ => 60 };
        var command = new Command("run", "Run the pipeline locally against a simulated tenant: a phishing lure becomes a remediation.") { timeout };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(TimeSpan.FromSeconds(parse.GetValue(timeout)), Console.Out, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(TimeSpan timeout, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine("Starting Azurite, the tenant simulator and the local pipeline host...");
        await using var tenant = await LocalTenant.StartAsync(new LocalTenantOptions
        {
            Mailboxes = [("adele", "Adele Vance"), ("bob", "Bob Kelly"), ("carol", "Carol Diaz")],
            Settings = new Dictionary<string, string?>
            {
                ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            },
        }, ShowPipelineLogs(), cancellationToken);
        var domain = new LocalTenantOptions().Domain;
        output.WriteLine($"Webhook at {tenant.Host.NotificationUrl}; {tenant.Simulator.Tenant.Subscriptions.Count} mailbox subscriptions.");

        tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.Newsletter(domain, "adele", "bob", "carol"));
        var phish = tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(domain, Targets));
        output.WriteLine($"Delivered a newsletter to 3 mailboxes and a phishing lure to {phish.Count}: {string.Join(", ", Targets)}.");

        var clock = Stopwatch.StartNew();
        var remediated = await WaitUntilAsync(() => phish.All(copy => IsOutOfInbox(tenant, copy.MailboxId, copy.InternetMessageId)), timeout, cancellationToken);
        var newsletterUntouched = tenant.Simulator.Tenant.Mailboxes.All(m => tenant.Simulator.Tenant.MessagesIn(m.Id, "inbox").Any(x => x.Subject == "November product update"));

        output.WriteLine();
        foreach (var copy in phish)
        {
            var where = tenant.Simulator.Tenant.Mailboxes.Single(m => m.Id == copy.MailboxId);
            var folderId = tenant.Simulator.Tenant.FindMessage(copy.MailboxId, copy.ImmutableId)?.FolderId;
            var folder = folderId is null ? null : await tenant.Graph.Users[copy.MailboxId].MailFolders[folderId].GetAsync(cancellationToken: cancellationToken);
            output.WriteLine($"  {where.UserPrincipalName}: phishing copy now in '{folder?.DisplayName ?? "(gone)"}'");
        }
        output.WriteLine($"  newsletter left in every Inbox: {(newsletterUntouched ? "yes" : "NO")}");
        output.WriteLine(remediated && newsletterUntouched
            ? $"Remediated {phish.Count} copies in {clock.Elapsed.TotalSeconds:F1} s after delivery."
            : $"FAILED: not every phishing copy left its Inbox within {timeout.TotalSeconds:F0} s.");
        return remediated && newsletterUntouched ? 0 : 1;
    }

    private static bool IsOutOfInbox(LocalTenant tenant, string mailboxId, string internetMessageId) =>
        !tenant.Simulator.Tenant.MessagesIn(mailboxId, "inbox").Any(m => m.InternetMessageId == internetMessageId);

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(200, cancellationToken);
        }
        return true;
    }

    // The stages' own log lines tell the story; the frameworks' chatter is left out.
    private static Action<ILoggingBuilder> ShowPipelineLogs() => logging =>
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss.fff "; });
        logging.SetMinimumLevel(LogLevel.Warning);
        foreach (var chatty in new[] { "Azure", "Function", "Host", "Microsoft" })
        {
            logging.AddFilter(chatty, LogLevel.Warning);
        }
        logging.AddFilter("Remediation", LogLevel.Information);
    };
}
