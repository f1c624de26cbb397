using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>
/// Three pipeline hosts on one storage account and one tenant, as Azure Functions scales out: they share the queues,
/// and every copy is still remediated exactly once. Each copy of the campaign is both announced by its own notification
/// (a scan on whichever instance takes it) and found by the campaign's Message-ID search (a job on another), so
/// instances meet on the same copies.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private const int Instances = 3;
    private const int Mailboxes = 60;
    private const string MoveRequest = "POST /v1.0/users/{user}/messages/{messageId}/move";
    private readonly RecordingTelemetry[] _instances = [.. Enumerable.Range(0, Instances).Select(_ => new RecordingTelemetry())];
    private int _started;
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, Mailboxes).Select(i => (User(i), $"User {i}"))],
        Simulator = new SimulatorOptions { RequestLatency = TimeSpan.FromMilliseconds(20) },
        Instances = Instances,
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Detection:BlockedUrlDomains:1"] = SampleMail.AppenderDomain,
            ["Remediation:MaxMailboxesPerCampaign"] = $"{Mailboxes}",
            ["Remediation:MaxUnapprovedMovesPerHour"] = "1000",
            // One mailbox per job and small batches, so that every instance's listener gets a share of each queue
            // (at the default of 16 mailboxes per job the campaign is four jobs, which one instance may take alone).
            ["Remediation:MailboxesPerJob"] = "1",
            ["LocalHost:QueueBatchSize"] = "2",
            ["LocalHost:NewBatchThreshold"] = "1",
        },
        // Each host registers its services in turn: each gets its own recorder.
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_instances[Interlocked.Increment(ref _started) - 1]),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Campaign_OnThreeInstances_EveryCopyRemediatedOnceAndTheWorkShared()
    {
        var tenant = _tenant.Simulator.Tenant;
        var benign = tenant.DeliverThroughTransport(SampleMail.Newsletter(Domain, [.. Enumerable.Range(0, Mailboxes).Select(User)]));
        var malicious = tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(0, Mailboxes).Select(User)]))
            .Concat(Enumerable.Range(0, 10).Select(i => tenant.AppendAsImap($"{User(i)}@{Domain}", SampleMail.AppendedLure(Domain, User(i)))))
            .ToList();

        await Eventually.AssertAsync(() => _tenant.NoneIn(malicious, "inbox"), () => $"{malicious.Count(c => _tenant.FolderOf(c) == "inbox")} malicious copies still in an Inbox", TimeSpan.FromSeconds(120));
        await _tenant.SettledAsync();

        Assert.True(_tenant.AllIn(benign, "inbox"));
        var remediated = _instances.SelectMany(i => i.Events(PipelineEvents.MessageRemediated)).Select(e => e["MessageId"]).ToList();
        Assert.Equal(malicious.Count, remediated.Count);
        Assert.Equal(malicious.Select(c => c.ImmutableId).Order(StringComparer.Ordinal), remediated.Order(StringComparer.Ordinal));
        Assert.Equal(malicious.Count, _tenant.Simulator.Metrics.RequestsByKind[MoveRequest]);
        Assert.All(_instances, i => Assert.NotEmpty(i.Events(PipelineEvents.MessageScanned)));
        Assert.True(_instances.Count(i => i.Events(PipelineEvents.MessageRemediated).Count > 0) >= 2, "one instance did every remediation");
    }

    private static string User(int i) => $"user{i:D2}";
}
