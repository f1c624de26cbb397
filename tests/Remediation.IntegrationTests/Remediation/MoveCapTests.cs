using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Audit;
using Remediation.Core.Breakers;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>
/// The hourly cap on copies moved for campaigns nobody approved: a rule gone wrong stops at the cap, and what the SOC
/// approved is not capped.
/// </summary>
public sealed class MoveCapTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync()
    {
        await HourTurn.AvoidAsync(Patience);
        _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
        {
            Mailboxes = [.. Enumerable.Range(0, 8).Select(i => (User(i), $"User {i}"))],
            Settings = new Dictionary<string, string?>
            {
                ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
                ["Remediation:MaxUnapprovedMovesPerHour"] = "3",
                ["Remediation:MaxMailboxesPerCampaign"] = "6",
            },
            ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
        });
    }

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Pipeline_CampaignBeyondTheMoveCap_MovesUpToTheCapAndHoldsTheRest()
    {
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(0, 6).Select(User)]));

        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.CircuitBreakerTripped).Count > 0, "the breaker trips", Patience);
        await _tenant.SettledAsync();

        Assert.Equal(3, copies.Count(c => _tenant.FolderOf(c) != "inbox"));
        var campaignId = _telemetry.Events(PipelineEvents.MessageRemediated)[0][PipelineEventProperties.CampaignId];
        var held = (await _tenant.AuditAsync(campaignId)).Where(r => r.Outcome == AuditOutcome.HeldByBreaker).Select(r => r.MessageId);
        Assert.Equal(copies.Where(c => _tenant.FolderOf(c) == "inbox").Select(c => c.ImmutableId).Order(), held.Order());
        var tripped = Assert.Single(_telemetry.Events(PipelineEvents.CircuitBreakerTripped));
        Assert.Equal(CircuitBreaker.UnapprovedMoves, tripped[PipelineEventProperties.Breaker]);
        Assert.Equal("3", tripped[PipelineEventProperties.Limit]);
    }

    [Fact]
    public async Task Approve_CopiesTheBreakerHeld_AreMovedOnceTheSocApproves()
    {
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(0, 6).Select(User)]));
        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.CircuitBreakerTripped).Count > 0, "the breaker trips", Patience);
        await Eventually.AssertAsync(_tenant.WorkQueuesEmpty, "the pipeline settles", Patience);
        var campaignId = _telemetry.Events(PipelineEvents.MessageRemediated)[0][PipelineEventProperties.CampaignId];

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await _tenant.PostAdminAsync($"api/campaigns/{campaignId}/approve")).StatusCode);

        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), "the held copies are moved after approval", Patience);
        await Eventually.AssertAsync(_tenant.WorkQueuesEmpty, "the pipeline settles", Patience);
        var audit = await _tenant.AuditAsync(campaignId);
        Assert.Equal(copies.Count, audit.Count(r => r.Outcome == AuditOutcome.Remediated));
        Assert.Equal(copies.Count, _telemetry.Events(PipelineEvents.MessageRemediated).Count);
    }

    // Eight copies in the hour the cap allows three unapproved moves in: once the SOC approves, every copy is moved,
    // so at least five moves were the SOC's and none of them was capped. (Copies that arrived before the approval may
    // have been moved, or held by the breaker, on their own.)
    [Fact]
    public async Task Pipeline_ApprovedCampaignBeyondTheMoveCap_IsNotCapped()
    {
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(0, 8).Select(User)]));
        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.CampaignHeld).Count > 0, "the SOC is told of the campaign", Patience);
        var campaignId = _telemetry.Events(PipelineEvents.CampaignHeld)[0][PipelineEventProperties.CampaignId];

        await _tenant.PostAdminAsync($"api/campaigns/{campaignId}/approve");

        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), "every approved copy is moved", Patience);
        await Eventually.AssertAsync(_tenant.WorkQueuesEmpty, "the pipeline settles", Patience);
        Assert.Equal(copies.Count, (await _tenant.AuditAsync(campaignId)).Count(r => r.Outcome == AuditOutcome.Remediated));
    }

    private static string User(int i) => $"user{i:D2}";
}
