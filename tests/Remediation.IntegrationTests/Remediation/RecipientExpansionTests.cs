using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>
/// A campaign addressed to lists and aliases, not user principal names: the campaign stage searches every mailbox the
/// addresses reach, so copies in mailboxes the pipeline has not scanned (nor subscribed to) are found by Message-ID.
/// </summary>
public sealed class RecipientExpansionTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly RecordingTelemetry _telemetry = new();
    private readonly CapturedLogs _logs = new();
    private LocalTenant _tenant = null!;

    private SimulatedTenant Tenant => _tenant.Simulator.Tenant;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, 7).Select(i => (User(i), $"User {i}"))],
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            // Only the first recipient hears of the message: every other copy is unscanned and must be searched for.
            ["Subscriptions:Mailboxes:0"] = $"{User(0)}@{Domain}",
            // The first test's list and addresses reach 7 mailboxes (the guest's included); a list of every user reaches 8.
            ["Remediation:MaxMailboxesPerCampaign"] = "7",
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    }, logging => logging.AddProvider(_logs));

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Pipeline_PhishToANestedListAnAliasAndAPrimaryAddress_QuarantinesEveryUnscannedCopy()
    {
        var guest = Tenant.AddMailbox($"guest_fabrikam.example#EXT#@{Domain}", "A guest", MailboxAccess.NotEnabled);
        var list = Tenant.AddGroup($"all-staff@{Domain}", "All staff");
        var sales = Tenant.AddGroup($"sales@{Domain}", "Sales", GroupKind.MailEnabledSecurity);
        var emea = Tenant.AddGroup($"sales-emea@{Domain}", "Sales EMEA");
        Tenant.AddMember(list, Mailbox(0));
        Tenant.AddMember(list, Mailbox(1));
        Tenant.AddMember(list, sales);
        Tenant.AddMember(list, Tenant.AddContact("partner@fabrikam.example", "Partner"));
        Tenant.AddMember(list, guest);
        Tenant.AddMember(sales, Mailbox(1));
        Tenant.AddMember(sales, Mailbox(2));
        Tenant.AddMember(sales, emea);
        Tenant.AddMember(emea, Mailbox(3));
        Tenant.AddAlias(Mailbox(4).Id, $"helpdesk@{Domain}");
        Tenant.SetPrimarySmtpAddress(Mailbox(5).Id, $"eve.smith@{Domain}");

        var copies = Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, "all-staff", "helpdesk", "eve.smith"));

        Assert.Equal(Enumerable.Range(0, 6).Select(i => Mailbox(i).Id).Order(), copies.Select(c => c.MailboxId).Order());
        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), () => $"{copies.Count(c => _tenant.FolderOf(c) == "inbox")} of {copies.Count} copies still in an Inbox", Patience);
        Assert.True(_tenant.AllIn(copies, "(custom)"), "every copy sits in the hidden quarantine folder");
        await Eventually.AssertAsync(() => _tenant.WorkQueuesEmpty(), "the pipeline settled", Patience);
        // The guest in the list has no mailbox: its search found nothing, and its job finished rather than failing.
        Assert.Contains(_logs.Lines, l => l.Contains($"mailbox {guest.Id} cannot be searched (MailboxNotEnabledForRESTAPI)", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.Contains($"mailbox {guest.Id}: Quarantine on 0 copies", StringComparison.Ordinal));
        Assert.Empty(_telemetry.Events(PipelineEvents.RemediationFailed));
        Assert.Equal(0, await PoisonedJobsAsync());
    }

    [Fact]
    public async Task Pipeline_PhishAlsoToAContactAndUnknownAddresses_QuarantinesTheCopyWithoutAnError()
    {
        var contact = Tenant.AddContact("ops@fabrikam.example", "Fabrikam operations");
        Tenant.AddAlias(contact.Id, $"fabrikam-ops@{Domain}");
        var copies = Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, User(0), "fabrikam-ops", "nobody"));

        Assert.Equal(Mailbox(0).Id, Assert.Single(copies).MailboxId);
        await Eventually.AssertAsync(() => _tenant.AllIn(copies, "(custom)"), "the copy is quarantined", Patience);
        await Eventually.AssertAsync(() => _tenant.WorkQueuesEmpty(), "the pipeline settled", Patience);
        Assert.Empty(_telemetry.Events(PipelineEvents.RemediationFailed));
        Assert.Equal(0, await PoisonedJobsAsync());
    }

    // The list names 8 mailboxes, over the cap of 7. The recipients are the sender's words: the copy the pipeline heard
    // of is remediated, and the search of the list's members, the only way to the unscanned copies here, waits for the SOC.
    [Fact]
    public async Task Pipeline_PhishToAListLargerThanTheCap_RemediatesItsCopyAndTheSearchWaitsForTheSoc()
    {
        var everyone = Tenant.AddGroup($"everyone@{Domain}", "Everyone", GroupKind.Microsoft365);
        foreach (var user in Tenant.Mailboxes) Tenant.AddMember(everyone, user);
        Tenant.AddMember(everyone, Tenant.AddMailbox($"guest_fabrikam.example#EXT#@{Domain}", "A guest", MailboxAccess.NotEnabled));

        var copies = Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, "everyone"));

        Assert.Equal(7, copies.Count);
        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.CampaignHeld).Count > 0, "the SOC is told of the search that waits", Patience);
        await Eventually.AssertAsync(() => _tenant.WorkQueuesEmpty(), "the pipeline settled", Patience);
        Assert.Contains("the search waits", Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld))[PipelineEventProperties.Reason], StringComparison.Ordinal);
        var heard = Mailbox(0).Id;
        Assert.All(copies, copy => Assert.Equal(copy.MailboxId == heard ? "quarantine" : "inbox", _tenant.FolderOf(copy) == "inbox" ? "inbox" : "quarantine"));
    }

    private SimulatedMailbox Mailbox(int i) => Tenant.FindMailbox($"{User(i)}@{Domain}")!;

    private async Task<int> PoisonedJobsAsync()
    {
        var total = 0;
        foreach (var name in WorkQueueNames.All)
        {
            var poison = new QueueClient(_tenant.AzuriteConnectionString, WorkQueueNames.PoisonOf(name));
            if (await poison.ExistsAsync()) total += (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        return total;
    }

    private static string User(int i) => $"user{i}";
}
