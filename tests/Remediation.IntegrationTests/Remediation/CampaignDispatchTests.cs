using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core;
using Remediation.Core.Campaigns;
using Remediation.Core.Indexing;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>The campaign stage under load and failure: the remediation queue stays short, and no job is lost.</summary>
public sealed class CampaignDispatchTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private const int Recipients = 40;
    private const int MaxQueuedJobs = 4;
    private const string BlockedSenderDomain = "rnicrosoft.example";
    private const string Fabrikam = "Fabrikam Store <news@fabrikam.example>";
    private static readonly string[] Colleagues = [.. Enumerable.Range(1, 3).Select(User)];
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
            ["Detection:BlockedSenderDomains:0"] = BlockedSenderDomain,
            ["Remediation:MaxQueuedJobs"] = $"{MaxQueuedJobs}",
            // One mailbox per job, so a queue limit of a few jobs holds back a campaign of 40 mailboxes.
            ["Remediation:MailboxesPerJob"] = "1",
            // Only the first recipient hears of the message: one seed, one campaign stage run finding every other copy.
            ["Subscriptions:Mailboxes:0"] = $"{User(0)}@{Domain}",
        },
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Resolve_CampaignAcrossManyMailboxes_NeverQueuesMoreJobsThanTheLimitAndRemediatesEveryCopy()
    {
        using var stop = new CancellationTokenSource();
        var longest = await SampleLongestJobQueueAsync(stop.Token);

        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(0, Recipients).Select(User)]));
        try
        {
            await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), () => $"{copies.Count(c => _tenant.FolderOf(c) == "inbox")} of {copies.Count} copies still in the Inbox", Patience);
        }
        finally
        {
            await stop.CancelAsync();
        }
        Assert.InRange(await longest, 1, MaxQueuedJobs);
    }

    [Fact]
    public async Task Resolve_TwoCampaignsResolvedAtOnce_ShareTheLimit()
    {
        using var stop = new CancellationTokenSource();
        var longest = await SampleLongestJobQueueAsync(stop.Token);
        // Two mailings, neither announced: only the two campaign stage runs below find them.
        var halves = new[] { Enumerable.Range(1, 20), Enumerable.Range(21, 19) }
            .Select(users => _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. users.Select(User)])))
            .ToList();
        var resolver = _tenant.Host.Services.GetRequiredService<CampaignResolver>();

        await Task.WhenAll(halves.Select((copies, i) => resolver.ResolveAsync(Seed($"campaign-{i}", copies[0]), CancellationToken.None)));

        var copies = halves.SelectMany(h => h).ToList();
        try
        {
            await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), () => $"{copies.Count(c => _tenant.FolderOf(c) == "inbox")} of {copies.Count} copies still in the Inbox", Patience);
        }
        finally
        {
            await stop.CancelAsync();
        }
        Assert.InRange(await longest, 1, MaxQueuedJobs);
    }

    [Fact]
    public async Task Resolve_EveryCopyOfAMailingScannedAtOnce_QueuesAboutOneJobPerCopy()
    {
        // Each recipient's copy is scanned on its own and seeds the campaign stage at the same moment.
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(1, 20).Select(User)]));
        var counting = new CountingQueue(_tenant.Host.Services.GetRequiredService<IWorkQueue>());
        var resolver = ResolverOver(counting);

        await Task.WhenAll(copies.Select(copy => resolver.ResolveAsync(Seed("scanned-at-once", copy), CancellationToken.None)));

        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), () => $"{copies.Count(c => _tenant.FolderOf(c) == "inbox")} of {copies.Count} copies still in the Inbox", Patience);
        // The first seed's search queues one job per mailbox (one mailbox per job here); each later seed at most one for its own copy. Racing
        // seeds that each searched every mailbox again queued several hundred.
        Assert.InRange(counting.Jobs, copies.Count, 2 * copies.Count);
    }

    [Fact]
    public async Task Resolve_QueueFailsMidwayAndTheSeedIsRetried_EveryCopyIsStillRemediated()
    {
        // Not announced to the pipeline: only the campaign stage below can find these copies.
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(1, 10).Select(User)]));
        var resolver = ResolverOver(new QueueFailingOnce(_tenant.Host.Services.GetRequiredService<IWorkQueue>(), failAt: 4));
        var seed = Seed("dispatch-failure", copies[0]);

        // The queue trigger's retry of the campaign message, played by hand.
        await Assert.ThrowsAsync<IOException>(() => resolver.ResolveAsync(seed, CancellationToken.None));
        await resolver.ResolveAsync(seed, CancellationToken.None);

        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), () => $"{copies.Count(c => _tenant.FolderOf(c) == "inbox")} of {copies.Count} copies still in the Inbox", Patience);
    }

    [Fact]
    public async Task Resolve_SeedScoredJustBelowTheFloor_HoldsTheCampaignAndQueuesNothing()
    {
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.Newsletter(Domain, [.. Enumerable.Range(1, 3).Select(User)]));
        var counting = new CountingQueue(_tenant.Host.Services.GetRequiredService<IWorkQueue>());
        var floor = _tenant.Host.Services.GetRequiredService<IOptions<RemediationOptions>>().Value.MinimumScoreToAct;

        await ResolverOver(counting).ResolveAsync(Seed("below-the-floor", copies[0]) with { Score = floor - 0.5 }, CancellationToken.None);

        var campaign = await _tenant.Host.Services.GetRequiredService<ICampaignStore>().FindAsync("below-the-floor", CancellationToken.None);
        Assert.Equal(CampaignStatus.Held, campaign?.Status);
        Assert.Equal(0, counting.Jobs);
        Assert.True(_tenant.AllIn(copies, "inbox"));
    }

    // Holding user 0's mailbox, an attacker appends an exact copy of a newsletter users 1 to 3 received. Delivered,
    // it is malicious at 10 points, below the floor: it would wait for the SOC. The points for bypassing transport lift
    // the appended copy over the floor; they speak for that copy, not for the copies the search finds by Message-ID.
    [Fact]
    public async Task AppendedCopyLiftedOverTheFloorByHowItArrived_OnlyThatCopyIsRemediated()
    {
        var newsletter = Security.AttackMail.GiftGuideNewsletter("Fabrikam Store <news@fabrikam.example>", "<winter-gift-guide-0007@fabrikam.example>", Domain, Colleagues);

        await AssertOnlyTheAppendedCopyIsRemediatedAsync(newsletter, newsletter);
    }

    // Holding user 0's mailbox, an attacker appends a copy of a newsletter users 1 to 3 received, its Message-ID and
    // its words, with one invisible file:// link that makes it malware. That link is the content: the real copies,
    // which lack it, are not the campaign's, however alike their words and Message-ID.
    [Fact]
    public async Task RealNewsletterCopiedWithAnInvisibleMonikerLink_OnlyTheCopyIsRemediated()
    {
        const string MessageId = "<winter-catalogue-0011@fabrikam.example>";

        await AssertOnlyTheAppendedCopyIsRemediatedAsync(
            Security.AttackMail.Newsletter(Fabrikam, MessageId, Domain, Colleagues),
            Security.AttackMail.NewsletterWithMonikerLink(Fabrikam, MessageId, Domain, Colleagues));
    }

    // The same copy with lure words the fingerprint cannot hold (hidden, inside address-like tokens): it shares the real
    // newsletter's fingerprint, so the real copies the search finds are judged on their own and stay.
    [Fact]
    public async Task RealNewsletterCopiedWithHiddenLureWords_OnlyTheCopyIsRemediated()
    {
        const string MessageId = "<winter-catalogue-0013@fabrikam.example>";

        await AssertOnlyTheAppendedCopyIsRemediatedAsync(
            Security.AttackMail.Newsletter(Fabrikam, MessageId, Domain, Colleagues),
            Security.AttackMail.NewsletterWithHiddenLure(Fabrikam, MessageId, Domain, Colleagues));
    }

    // The same copy made malicious by what is written around the content: a Sender header in a blocked domain and an
    // X-Mailer claiming Outlook. Those headers are what every copy must show too; the real ones show neither.
    [Fact]
    public async Task RealNewsletterCopiedUnderABlockedSender_OnlyTheCopyIsRemediated()
    {
        const string MessageId = "<winter-catalogue-0012@fabrikam.example>";

        await AssertOnlyTheAppendedCopyIsRemediatedAsync(
            Security.AttackMail.Newsletter(Fabrikam, MessageId, Domain, Colleagues),
            Security.AttackMail.NewsletterOnBehalfOf($"news@{BlockedSenderDomain}", Fabrikam, MessageId, Domain, Colleagues));
    }

    // Users 1 to 3 receive the real message through transport; the copy is appended into user 0's mailbox, which the
    // attacker holds. The copy goes; the real ones stay in the Inbox.
    private async Task AssertOnlyTheAppendedCopyIsRemediatedAsync(string realMime, string copyMime)
    {
        var real = _tenant.Simulator.Tenant.DeliverThroughTransport(realMime);

        var copy = _tenant.Simulator.Tenant.AppendAsImap($"{User(0)}@{Domain}", copyMime);
        await Eventually.AssertAsync(() => _tenant.FolderOf(copy) != "inbox", "the appended copy is remediated", Patience);
        await Eventually.AssertAsync(_tenant.WorkQueuesEmpty, "the pipeline settles", Patience);

        Assert.Equal(Colleagues.Length, real.Count);
        Assert.True(_tenant.AllIn(real, "inbox"), "the real copies stayed: " + string.Join(",", real.Select(_tenant.FolderOf)));
    }

    // A campaign stage run with its own queue: the host's services otherwise, and a resolver of its own.
    private CampaignResolver ResolverOver(IWorkQueue queue)
    {
        var services = _tenant.Host.Services;
        return new CampaignResolver(
            services.GetRequiredService<ICampaignStore>(), services.GetRequiredService<IMessageIndex>(), services.GetRequiredService<IMailboxGateway>(), queue,
            services.GetRequiredService<IPipelineTelemetry>(), services.GetRequiredService<IOptions<RemediationOptions>>(),
            services.GetRequiredService<IOptions<TenantOptions>>(), services.GetRequiredService<IOptions<DetectionOptions>>(), services.GetRequiredService<ILogger<CampaignResolver>>());
    }

    /// <summary>Starts watching the remediation queue; the task gives the longest it saw once stopped.</summary>
    private async Task<Task<int>> SampleLongestJobQueueAsync(CancellationToken stop)
    {
        var jobs = new QueueClient(_tenant.AzuriteConnectionString, WorkQueueNames.RemediationJobs);
        await jobs.CreateIfNotExistsAsync();
        return SampleLongestAsync(jobs, stop);
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

    // A seed as the scan stage writes it, with the content every copy found by Message-ID must match.
    private MaliciousMessage Seed(string campaignId, DeliveredMessage copy)
    {
        var stored = _tenant.Simulator.Tenant.FindMessage(copy.MailboxId, copy.ImmutableId)!;
        var fingerprint = _tenant.Host.Services.GetRequiredService<ScanEngine>()
            .FingerprintOf(MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored.Mime))));
        return new(campaignId, copy.MailboxId, copy.ImmutableId, copy.InternetMessageId, ThreatCategory.Phishing, 20, ["TEST"], DateTimeOffset.UtcNow, fingerprint.Id);
    }

    /// <summary>The storage queue, counting the remediation jobs written to it.</summary>
    private sealed class CountingQueue(IWorkQueue queue) : IWorkQueue
    {
        private int _jobs;

        public int Jobs => Volatile.Read(ref _jobs);

        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken)
        {
            if (queueName == WorkQueueNames.RemediationJobs) Interlocked.Increment(ref _jobs);
            return queue.EnqueueAsync(queueName, message, cancellationToken);
        }

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken) => queue.EnqueueAsync(queueName, message, visibleAfter, cancellationToken);

        public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) =>
            queue.ApproximateCountAsync(queueName, cancellationToken);
    }

    /// <summary>The storage queue, failing one remediation job's write: as a network error between two writes would.</summary>
    private sealed class QueueFailingOnce(IWorkQueue queue, int failAt) : IWorkQueue
    {
        private int _jobs;

        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
            queueName == WorkQueueNames.RemediationJobs && Interlocked.Increment(ref _jobs) == failAt
                ? throw new IOException("Injected: the remediation job was not queued.")
                : queue.EnqueueAsync(queueName, message, cancellationToken);

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken) => queue.EnqueueAsync(queueName, message, visibleAfter, cancellationToken);

        public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) =>
            queue.ApproximateCountAsync(queueName, cancellationToken);
    }
}
