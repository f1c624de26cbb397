using Azure.Storage.Queues;
using Remediation.Cli.LocalRun;
using Remediation.Core.Queues;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>The campaign stage keeps the remediation queue short however many mailboxes a campaign reaches.</summary>
public sealed class CampaignBackPressureTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private const int Recipients = 40;
    private const int MaxQueuedJobs = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, Recipients).Select(i => (User(i), $"User {i}"))],
        // Each job takes a while, so a queue the campaign stage filled at once would stay long long enough to be seen.
        Simulator = new SimulatorOptions { TenantDomain = Domain, RequestLatency = TimeSpan.FromMilliseconds(30) },
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Remediation:MaxQueuedJobs"] = $"{MaxQueuedJobs}",
            // Only the first recipient hears of the message: one seed, one campaign stage run finding every other copy.
            ["Subscriptions:Mailboxes:0"] = $"{User(0)}@{Domain}",
        },
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Resolve_CampaignAcrossManyMailboxes_NeverQueuesMoreJobsThanTheLimitAndRemediatesEveryCopy()
    {
        var jobs = new QueueClient(_tenant.AzuriteConnectionString, WorkQueueNames.RemediationJobs);
        await jobs.CreateIfNotExistsAsync();
        using var stop = new CancellationTokenSource();
        var longest = SampleLongestAsync(jobs, stop.Token);

        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(0, Recipients).Select(User)]));
        var remediated = await Eventually.TrueAsync(() => _tenant.NoneIn(copies, "inbox"), Patience);
        await stop.CancelAsync();

        Assert.True(remediated, $"{copies.Count(c => _tenant.FolderOf(c) == "inbox")} of {copies.Count} copies still in the Inbox");
        Assert.InRange(await longest, 1, MaxQueuedJobs);
    }

    private static async Task<int> SampleLongestAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        var longest = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            longest = Math.Max(longest, (await queue.GetPropertiesAsync(CancellationToken.None)).Value.ApproximateMessagesCount);
            await Task.Delay(10, CancellationToken.None);
        }
        return longest;
    }

    private static string User(int index) => $"user{index:D2}";
}
