using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>Graph answering 30 % of requests with 429/503/504: everything completes, no mailbox sees more than 4 requests at once.</summary>
public sealed class ThrottledRemediationTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, 20).Select(i => (User(i), $"User {i}"))],
        Simulator = new SimulatorOptions { TransientFaultRate = 0.3, RequestLatency = TimeSpan.FromMilliseconds(20), Seed = 11 },
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Detection:BlockedUrlDomains:1"] = SampleMail.AppenderDomain,
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Pipeline_ThirtyPercentTransientFaults_RemediatesEverythingWithinMailboxConcurrency()
    {
        var tenant = _tenant.Simulator.Tenant;
        var benign = tenant.DeliverThroughTransport(SampleMail.Newsletter(Domain, [.. Enumerable.Range(0, 20).Select(User)]));
        var malicious = tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(0, 20).Select(User)]))
            .Concat(Enumerable.Range(0, 10).Select(i => tenant.AppendAsImap($"{User(i)}@{Domain}", SampleMail.AppendedLure(Domain, User(i)))))
            .ToList();

        await Eventually.AssertAsync(() => _tenant.NoneIn(malicious, "inbox"), () => $"{malicious.Count(c => _tenant.FolderOf(c) == "inbox")} malicious copies still in an Inbox", TimeSpan.FromSeconds(120));

        Assert.True(_tenant.AllIn(benign, "inbox"));
        Assert.Equal(30, malicious.Count);
        // The share of requests admitted to a mailbox that were answered 503/504 instead (the seeded roll is 30 %).
        var metrics = _tenant.Simulator.Metrics;
        var faultShare = (double)metrics.FaultsInjected / (metrics.GraphRequests - metrics.ThrottledRequests);
        Assert.InRange(faultShare, 0.25, 0.35);
        Assert.All(tenant.Mailboxes, m => Assert.InRange(_tenant.Simulator.Metrics.ForMailbox(m.Id).PeakConcurrency, 1, 4));
    }

    private static string User(int i) => $"user{i:D2}";
}
