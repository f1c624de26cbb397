using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Audit;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>
/// The product's promise at tenant scale: an Email Appender wave into 200 mailboxes (each copy with its own
/// Message-ID) and a transported campaign to 300 recipients, among ordinary mail.
/// </summary>
public sealed class CampaignRemediationTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    // A guard against a stuck pipeline, not a speed target: 500 mailboxes on two shared cores.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(420);
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, 500).Select(i => (User(i), $"User {i}"))],
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Detection:BlockedUrlDomains:1"] = SampleMail.AppenderDomain,
            ["Subscriptions:MaxWritesPerWindow"] = "1000",
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Pipeline_WaveAndCampaignAmongOrdinaryMail_QuarantinesEveryCopyAuditsEachAndUndoRestoresAll()
    {
        var tenant = _tenant.Simulator.Tenant;
        var benign = tenant.DeliverThroughTransport(SampleMail.Newsletter(Domain, [.. Enumerable.Range(190, 20).Select(User)]));
        var wave = Enumerable.Range(0, 200).Select(i => tenant.AppendAsImap($"{User(i)}@{Domain}", SampleMail.AppendedLure(Domain, User(i)))).ToList();
        var campaign = tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(200, 300).Select(User)]));
        Assert.Equal(200, wave.Select(c => c.InternetMessageId).Distinct().Count());
        Assert.Equal(300, campaign.Count);
        var malicious = wave.Concat(campaign).ToList();

        await Eventually.AssertAsync(() => _tenant.NoneIn(malicious, "inbox"), () => $"{malicious.Count(c => _tenant.FolderOf(c) == "inbox")} malicious copies still in an Inbox", Patience);

        // A copy leaves its Inbox a moment before its audit record says so.
        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.MessageRemediated).Select(e => e[PipelineEventProperties.MessageId]).Distinct().Count() == malicious.Count, "every remediation recorded", Patience);
        Assert.True(_tenant.AllIn(malicious, "(custom)"), "every malicious copy sits in the hidden quarantine folder");
        Assert.True(_tenant.AllIn(benign, "inbox"), "no ordinary message moved");
        var campaigns = _telemetry.Events(PipelineEvents.MessageRemediated).Select(e => e[PipelineEventProperties.CampaignId]).Distinct().ToList();
        Assert.Equal(2, campaigns.Count);
        var audit = new List<AuditRecord>();
        foreach (var id in campaigns) audit.AddRange(await _tenant.AuditAsync(id));
        Assert.Equal(malicious.Count, audit.Count);
        Assert.All(audit, record => Assert.Equal(AuditOutcome.Remediated, record.Outcome));
        Assert.Equal(malicious.Select(c => (c.MailboxId, c.ImmutableId)).Order(), audit.Select(r => (r.MailboxId, r.MessageId)).Order());

        foreach (var id in campaigns)
        {
            Assert.True((await _tenant.PostAdminAsync($"api/campaigns/{id}/restore")).IsSuccessStatusCode);
        }

        Assert.True(_tenant.AllIn(malicious, "inbox"), "undo put every copy back where it was");
        var restored = new List<AuditRecord>();
        foreach (var id in campaigns) restored.AddRange(await _tenant.AuditAsync(id));
        Assert.All(restored, record => Assert.Equal(AuditOutcome.Restored, record.Outcome));
        await _tenant.SettledAsync();
        Assert.True(_tenant.AllIn(malicious, "inbox"), "restored copies are not remediated again");
    }

    private static string User(int i) => $"user{i:D3}";
}
