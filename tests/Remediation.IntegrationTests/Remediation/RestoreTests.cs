using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Audit;
using Remediation.Core.Remediation;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>Undo after Exchange has purged what the pipeline soft-deleted: the SOC is told, not left guessing.</summary>
public sealed class RestoreTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private static readonly string[] Users = ["ana", "ben", "cho"];
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Users.Select(u => (u, u))],
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Remediation:PhishingAction"] = nameof(RemediationAction.SoftDelete),
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Restore_CopyPurgedAfterRetention_ReportsItGoneAndRestoresTheRest()
    {
        var tenant = _tenant.Simulator.Tenant;
        var copies = tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, Users));
        await Eventually.AssertAsync(() => _tenant.AllIn(copies, "recoverableitemsdeletions")
            && _telemetry.Events(PipelineEvents.MessageRemediated).Count == copies.Count, "every copy soft-deleted");
        var campaignId = _telemetry.Events(PipelineEvents.MessageRemediated)[0][PipelineEventProperties.CampaignId];
        var purged = copies.Single(c => c.MailboxId == tenant.FindMailbox($"ana@{Domain}")!.Id);
        Assert.Equal(1, tenant.PurgeRecoverableItems(purged.MailboxId));

        using var response = await _tenant.PostAdminAsync($"api/campaigns/{campaignId}/restore");

        var result = await response.Content.ReadFromJsonAsync<RestoreResult>();
        Assert.Equal(new RestoreResult(Restored: 2, Skipped: 0, Gone: 1, Failed: 0), result);
        Assert.True(_tenant.AllIn(copies.Except([purged]), "inbox"), "the other copies are back");
        var audit = await _tenant.AuditAsync(campaignId);
        var gone = Assert.Single(audit, r => r.Outcome == AuditOutcome.Gone);
        Assert.Equal((purged.MailboxId, purged.ImmutableId), (gone.MailboxId, gone.MessageId));
        Assert.Contains("retention", gone.Detail, StringComparison.Ordinal);
        var restored = Assert.Single(_telemetry.Events(PipelineEvents.CampaignRestored));
        Assert.StartsWith("1 copies could not be restored", restored[PipelineEventProperties.Reason], StringComparison.Ordinal);
    }
}
