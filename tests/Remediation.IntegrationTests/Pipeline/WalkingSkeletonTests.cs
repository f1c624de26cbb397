using Remediation.Cli.Commands;
using Remediation.Cli.LocalRun;

namespace Remediation.IntegrationTests.Pipeline;

/// <summary>
/// The whole path for real: the simulator delivers mail and notifies the local host's webhook, the scan stage
/// fetches it through GraphServiceClient, and the remediation stage moves the malicious copies.
/// </summary>
public sealed class WalkingSkeletonTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("adele", "Adele Vance"), ("bob", "Bob Kelly"), ("carol", "Carol Diaz")],
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Remediation:Action"] = "MoveToJunk",
        },
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Pipeline_PhishingInTwoMailboxes_MovesBothCopiesToJunkAndLeavesOtherMailAlone()
    {
        var tenant = _tenant.Simulator.Tenant;
        var newsletter = tenant.DeliverThroughTransport(SampleMail.Newsletter("contoso.example", "adele", "bob", "carol"));
        var phish = tenant.DeliverThroughTransport(SampleMail.CredentialPhish("contoso.example", "adele", "bob"));
        Assert.Equal(2, phish.Count);

        var remediated = await WaitUntilAsync(() => phish.All(copy => tenant.FindMessage(copy.MailboxId, copy.ImmutableId)?.FolderWellKnownName == "junkemail"));

        Assert.True(remediated, $"both phishing copies reach Junk within {Patience.TotalSeconds} s");

        Assert.All(newsletter, copy => Assert.Equal("inbox", tenant.FindMessage(copy.MailboxId, copy.ImmutableId)?.FolderWellKnownName));
        Assert.True(_tenant.Simulator.Metrics.NotificationsDelivered >= 5, "every delivered copy was announced to the webhook");
    }

    [Fact]
    public async Task RunCommand_FreshLocalTenant_ExitsZeroAfterRemediating()
    {
        using var output = new StringWriter();

        var exitCode = await RunCommand.ExecuteAsync(Patience, output, CancellationToken.None);

        Assert.True(exitCode == 0, output.ToString());
        Assert.Contains("Remediated 2 copies", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
        return true;
    }
}
