using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Telemetry;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;
using Remediation.LocalHost;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>Idempotence and the blast-radius guard, on a small tenant.</summary>
public sealed class RemediationSafetyTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, 12).Select(i => (User(i), $"User {i}"))],
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Remediation:MaxMailboxesPerCampaign"] = "6",
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task RemediateAsync_ReplayedJobsAndSeeds_ChangeNothing()
    {
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, User(0), User(1), User(2)));
        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), "every copy leaves the Inbox", Patience);
        // Each copy's own scan brings a seed too: the replay starts once all of them are handled.
        await Eventually.AssertAsync(_tenant.WorkQueuesEmpty, "the pipeline settles", Patience);
        var idsAfterFirstMove = copies.Select(c => _tenant.Simulator.Tenant.FindMessage(c.MailboxId, c.ImmutableId)!.MessageId).ToList();
        var campaignId = _telemetry.Events(PipelineEvents.MessageRemediated)[0][PipelineEventProperties.CampaignId];
        var remediator = _tenant.Host.Services.GetRequiredService<MailboxRemediator>();

        foreach (var copy in copies)
        {
            var replay = new RemediationJob(campaignId, [new MailboxCopies(copy.MailboxId, [copy.ImmutableId], [copy.InternetMessageId])], RemediationAction.Quarantine, ["REPLAY"], DateTimeOffset.UtcNow);
            Assert.Equal(new RemediationResult(0, 1, 0), await remediator.RemediateAsync(replay, CancellationToken.None));
        }
        var seed = _telemetry.Events(PipelineEvents.MessageScanned).First(e => e[PipelineEventProperties.Band] == "Malicious");
        await _tenant.Host.Services.GetRequiredService<Core.Campaigns.CampaignResolver>().ResolveAsync(new MaliciousMessage(
            campaignId, seed[PipelineEventProperties.MailboxId], seed[PipelineEventProperties.MessageId], copies[0].InternetMessageId,
            Core.Scanning.ThreatCategory.Phishing, 10, ["REPLAY"], DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(0, _tenant.QueueLength(WorkQueueNames.RemediationJobs));
        Assert.Equal(idsAfterFirstMove, copies.Select(c => _tenant.Simulator.Tenant.FindMessage(c.MailboxId, c.ImmutableId)!.MessageId));
        Assert.Equal(copies.Count, (await _tenant.AuditAsync(campaignId)).Count);
    }

    // The copies scanned are counted, not the recipients the sender wrote: at birth, or as the copies arrive, they reach
    // past the cap (6) and the campaign is held, with at most 6 moved; the rest wait for the SOC.
    [Fact]
    public async Task Resolve_CampaignOverTheMailboxCap_IsHeldUntilTheSocApproves()
    {
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(0, 10).Select(User)]));

        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.CampaignHeld).Any(e => e[PipelineEventProperties.Reason].Contains("reaches", StringComparison.Ordinal)),
            "the campaign was held", Patience);
        await _tenant.SettledAsync();
        var moved = copies.Count(c => _tenant.FolderOf(c) != "inbox");
        Assert.True(moved <= 6, $"{moved} copies moved before the SOC approved, cap 6");
        var held = Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld).Select(e => e[PipelineEventProperties.CampaignId]).Distinct());

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await _tenant.PostAdminAsync($"api/campaigns/{held}/approve")).StatusCode);

        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), "approval remediates every copy", Patience);
        Assert.Equal(LocalPipelineHost.AdminActor, Assert.Single(_telemetry.Events(PipelineEvents.CampaignApproved))[PipelineEventProperties.Actor]);
        var row = (await new TableClient(_tenant.AzuriteConnectionString, TableNames.Campaigns).GetEntityAsync<TableEntity>(held, "campaign")).Value;
        Assert.Equal(LocalPipelineHost.AdminActor, row.GetString("ApprovedBy"));
    }

    private static string User(int i) => $"user{i:D2}";
}
