using Microsoft.Extensions.DependencyInjection;
using Remediation.Cli.Commands;
using Remediation.Cli.LocalRun;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Pipeline;

/// <summary>
/// The whole path for real: the simulator delivers mail and notifies the local host's webhook, the scan stage
/// fetches it through GraphServiceClient, and the remediation stage moves the malicious copies.
/// </summary>
public sealed class WalkingSkeletonTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("adele", "Adele Vance"), ("bob", "Bob Kelly"), ("carol", "Carol Diaz")],
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Remediation:PhishingAction"] = "MoveToJunk",
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Pipeline_PhishingInTwoMailboxes_MovesBothCopiesToJunkAndLeavesOtherMailAlone()
    {
        var tenant = _tenant.Simulator.Tenant;
        var newsletter = tenant.DeliverThroughTransport(SampleMail.Newsletter("contoso.example", "adele", "bob", "carol"));
        var phish = tenant.DeliverThroughTransport(SampleMail.CredentialPhish("contoso.example", "adele", "bob"));
        Assert.Equal(2, phish.Count);

        var remediated = await Eventually.TrueAsync(() => phish.All(copy => tenant.FindMessage(copy.MailboxId, copy.ImmutableId)?.FolderWellKnownName == "junkemail"), Patience);

        Assert.True(remediated, $"both phishing copies reach Junk within {Patience.TotalSeconds} s");

        Assert.All(newsletter, copy => Assert.Equal("inbox", tenant.FindMessage(copy.MailboxId, copy.ImmutableId)?.FolderWellKnownName));
    }

    [Fact]
    public async Task Pipeline_OwnMovesAnnouncedByGraph_AreNotScannedAgain()
    {
        var tenant = _tenant.Simulator.Tenant;
        tenant.DeliverThroughTransport(SampleMail.Newsletter("contoso.example", "adele", "bob", "carol"));
        tenant.DeliverThroughTransport(SampleMail.CredentialPhish("contoso.example", "adele", "bob"));

        // Five arrivals, then two "created" notifications for the copies the pipeline moved into Junk.
        Assert.True(await Eventually.TrueAsync(() => _tenant.Simulator.Metrics.NotificationsDelivered >= 7, Patience));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(5, _telemetry.Events(PipelineEvents.MessageScanned).Count);
    }

    [Fact]
    public async Task RunCommand_FreshLocalTenant_ExitsZeroAfterRemediating()
    {
        using var output = new StringWriter();

        var exitCode = await RunCommand.ExecuteAsync(Patience, output, CancellationToken.None);

        Assert.True(exitCode == 0, output.ToString());
        Assert.Contains("Remediated 2 copies", output.ToString(), StringComparison.Ordinal);
    }
}
