using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Audit;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.LocalHost;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Security;

/// <summary>The local host's SOC endpoints open only to its admin key, and every restore says who made it.</summary>
public sealed class LocalAdminEndpointTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    // No LocalHost:AdminKey setting: the host must not fall back to letting everyone in.
    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("adele", "Adele Vance"), ("alex", "Alex Wilber")],
        Settings = new Dictionary<string, string?> { ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Theory]
    [InlineData("api/campaigns/any/restore")]
    [InlineData("api/campaigns/any/approve")]
    [InlineData("api/campaigns/any/restore?code=")]
    [InlineData("api/campaigns/any/approve?code=guessed-key")]
    public async Task AdminEndpoint_NoKeyConfiguredAndNoneOrAWrongOneSent_Refuses(string path)
    {
        using var http = new HttpClient { BaseAddress = _tenant.Host.BaseAddress };

        using var response = await http.PostAsync(path, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(_tenant.Host.AdminKey);
    }

    [Fact]
    public async Task Restore_WithTheAdminKey_RecordsTheActorInTheAuditAndTheEvent()
    {
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, "adele", "alex"));
        // The copies leave the inbox before the remediation's event is written: wait for both.
        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox") && _telemetry.Events(PipelineEvents.MessageRemediated).Count > 0,
            "the phish was quarantined", TimeSpan.FromSeconds(60));
        var campaignId = _telemetry.Events(PipelineEvents.MessageRemediated)[0][PipelineEventProperties.CampaignId];

        Assert.True((await _tenant.PostAdminAsync($"api/campaigns/{campaignId}/restore")).IsSuccessStatusCode);

        var audit = await _tenant.AuditAsync(campaignId);
        Assert.Equal(2, audit.Count);
        Assert.All(audit, record => Assert.Equal((AuditOutcome.Restored, LocalPipelineHost.AdminActor), (record.Outcome, record.Actor)));
        Assert.Equal(LocalPipelineHost.AdminActor, Assert.Single(_telemetry.Events(PipelineEvents.CampaignRestored))[PipelineEventProperties.Actor]);
    }
}
