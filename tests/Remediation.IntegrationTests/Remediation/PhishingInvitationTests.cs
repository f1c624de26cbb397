using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Audit;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.IntegrationTests.Security;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>
/// A phishing meeting invitation: transport delivers the request and Exchange puts a tentative entry, link and all, in
/// each attendee's calendar. Quarantine takes both away; a colleague's real meeting stays in the calendar.
/// </summary>
public sealed class PhishingInvitationTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("ana", "Ana"), ("ben", "Ben"), ("cleo", "Cleo")],
        Settings = new Dictionary<string, string?> { ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Pipeline_PhishingInvitation_IsQuarantinedAndItsMeetingLeavesEveryCalendar()
    {
        var tenant = _tenant.Simulator.Tenant;
        var (_, meeting) = tenant.SendMeetingRequest($"ana@{Domain}", "Budget review", DateTimeOffset.UtcNow.AddDays(1), $"ben@{Domain}");
        var invitations = tenant.DeliverThroughTransport(AttackMail.PhishingInvitation(Domain, "ana", "ben", "cleo"));
        Assert.Equal(3, invitations.Count);
        Assert.Equal(2, tenant.FindMailbox($"ben@{Domain}")!.Calendar.Count);

        await Eventually.AssertAsync(() => _tenant.AllIn(invitations, "(custom)") && _tenant.WorkQueuesEmpty(), "every invitation quarantined");

        Assert.Empty(tenant.FindMailbox($"ana@{Domain}")!.Calendar);
        Assert.Empty(tenant.FindMailbox($"cleo@{Domain}")!.Calendar);
        Assert.Equal(Assert.Single(meeting).ImmutableId, Assert.Single(tenant.FindMailbox($"ben@{Domain}")!.Calendar).RequestImmutableId);
        Assert.True(_tenant.AllIn(meeting, "inbox"), "the colleague's real invitation stays");
        var campaign = Assert.Single(_telemetry.Events(PipelineEvents.MessageRemediated).Select(e => e[PipelineEventProperties.CampaignId]).Distinct());
        var audit = await _tenant.AuditAsync(campaign);
        Assert.Equal(3, audit.Count);
        Assert.All(audit, r => Assert.Equal((AuditOutcome.Remediated, true), (r.Outcome, r.Detail?.StartsWith("Its meeting was declined", StringComparison.Ordinal))));
        Assert.All(_telemetry.Events(PipelineEvents.MessageRemediated), e => Assert.StartsWith("Its meeting was declined", e[PipelineEventProperties.Detail], StringComparison.Ordinal));
    }
}
