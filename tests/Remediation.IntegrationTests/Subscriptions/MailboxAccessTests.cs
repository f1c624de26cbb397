using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Subscriptions;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Subscriptions;

/// <summary>
/// Not every user has a mailbox the app may reach: guests and unlicensed users have none (Graph answers
/// MailboxNotEnabledForRESTAPI), an Exchange RBAC scope leaves others out (403). The timer skips them with one summary
/// per run instead of an alert per user every run.
/// </summary>
public sealed class MailboxAccessTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("user00", "User 0"), ("user01", "User 1"), ("user02", "User 2")],
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task RunAsync_GuestsUnlicensedAndOutOfScopeUsers_AreSkippedWithOneSummaryPerRunAndNoAlert()
    {
        var tenant = _tenant.Simulator.Tenant;
        tenant.AddMailbox($"guest_fabrikam.example#EXT#@{Domain}", "A guest", MailboxAccess.NotEnabled);
        tenant.AddMailbox($"unlicensed@{Domain}", "Not licensed", MailboxAccess.NotEnabled);
        tenant.AddMailbox($"board@{Domain}", "Outside the app's scope", MailboxAccess.OutOfScope);
        var keeper = _tenant.Host.Services.GetRequiredService<SubscriptionKeeper>();

        var first = await keeper.RunAsync(CancellationToken.None);
        var second = await keeper.RunAsync(CancellationToken.None);

        Assert.Equal((3, 0, 3), (first.Skipped, first.Failed, first.Unchanged));
        Assert.Equal((3, 0, 3), (second.Skipped, second.Failed, second.Unchanged));
        Assert.Empty(_telemetry.Events(PipelineEvents.SubscriptionRenewalFailed));
        Assert.Equal(["3", "3"], _telemetry.Events(PipelineEvents.MailboxesSkipped).Select(e => e[PipelineEventProperties.Count]));
        Assert.Equal(3, tenant.Subscriptions.Count);
    }
}
