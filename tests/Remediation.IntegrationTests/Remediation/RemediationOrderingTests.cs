using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Remediation.Core.Audit;
using Remediation.Core.Breakers;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Telemetry;
using Remediation.Infrastructure.Graph;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>
/// The remediation stage's order of effects on the real audit table and mailbox store: a copy is claimed in the audit
/// trail before it is touched, so a copy whose claim fails, or that another job holds, is never moved.
/// </summary>
public sealed class RemediationOrderingTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("watcher", "Watcher"), ("alice", "Alice"), ("bob", "Bob")],
        Simulator = new SimulatorOptions { TenantDomain = Domain },
        // Only a mailbox no test writes to is watched: the jobs below are the only remediation these copies see.
        Settings = new Dictionary<string, string?> { ["Subscriptions:Mailboxes:0"] = $"watcher@{Domain}" },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Remediate_AuditClaimFails_LeavesTheCopyWhereItIs()
    {
        var copy = DeliverTo("alice");
        var remediator = RemediatorOver(new AuditFailingClaims(Audit));

        await Assert.ThrowsAsync<RemediationFailedException>(() => remediator.RemediateAsync(Job("claim-fails", copy), CancellationToken.None));

        Assert.Equal("inbox", _tenant.FolderOf(copy));
        Assert.Empty(_telemetry.Events(PipelineEvents.MessageRemediated));
    }

    [Fact]
    public async Task Remediate_CopyClaimedByAnotherJob_IsLeftToThatJob()
    {
        var copy = DeliverTo("alice");
        var job = Job("claimed-elsewhere", copy);
        Assert.NotNull(await Audit.TryClaimAsync(
            new AuditRecord(job.CampaignId, copy.MailboxId, copy.ImmutableId, "Quarantine", "inbox-id", AuditOutcome.Pending, job.Rules, DateTimeOffset.UtcNow),
            TimeSpan.FromMinutes(5), CancellationToken.None));

        var result = await RemediatorOver(Audit).RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 1, 0), result);
        Assert.Equal("inbox", _tenant.FolderOf(copy));
    }

    [Fact]
    public async Task Remediate_TwoJobsOnOneCopyAtOnce_MoveItOnceAndAuditItOnce()
    {
        var copy = DeliverTo("bob");
        var job = Job("two-jobs", copy);
        var remediator = RemediatorOver(Audit);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => remediator.RemediateAsync(job, CancellationToken.None))));

        Assert.Equal(1, results.Sum(r => r.Remediated));
        Assert.Equal(1, results.Sum(r => r.AlreadyDone));
        Assert.NotEqual("inbox", _tenant.FolderOf(copy));
        var record = Assert.Single(await _tenant.AuditAsync(job.CampaignId));
        Assert.Equal(AuditOutcome.Remediated, record.Outcome);
        Assert.Single(_telemetry.Events(PipelineEvents.MessageRemediated));
    }

    [Fact]
    public async Task Remediate_QuarantineFolderDeletedSinceTheLastCampaign_FailsOnceThenQuarantinesInAFolderMadeAgain()
    {
        var remediator = RemediatorOver(Audit);
        var earlier = DeliverTo("alice");
        await remediator.RemediateAsync(Job("before-the-cleanup", earlier), CancellationToken.None);
        var quarantine = _tenant.Simulator.Tenant.FindMessage(earlier.MailboxId, earlier.ImmutableId)!.FolderId;
        _tenant.Simulator.Tenant.DeleteFolder(earlier.MailboxId, quarantine);
        var copy = DeliverTo("alice");
        var job = Job("after-the-cleanup", copy);

        // The process still holds the deleted folder's id: the move fails, and the copy is not written off as gone.
        await Assert.ThrowsAsync<RemediationFailedException>(() => remediator.RemediateAsync(job, CancellationToken.None));
        Assert.Equal("inbox", _tenant.FolderOf(copy));
        Assert.Equal(AuditOutcome.Failed, Assert.Single(await _tenant.AuditAsync(job.CampaignId)).Outcome);

        // The queue's retry makes the folder again and quarantines the copy there.
        Assert.Equal(new RemediationResult(1, 0, 0), await remediator.RemediateAsync(job, CancellationToken.None));
        var now = _tenant.Simulator.Tenant.FindMessage(copy.MailboxId, copy.ImmutableId)!;
        Assert.NotEqual(quarantine, now.FolderId);
        Assert.Equal("(custom)", _tenant.FolderOf(copy));
        Assert.Equal(AuditOutcome.Remediated, Assert.Single(await _tenant.AuditAsync(job.CampaignId)).Outcome);
    }

    [Fact]
    public async Task Remediate_OnAFreshInstanceAfterAnotherQuarantinedThere_AsksGraphForNoFolder()
    {
        var first = DeliverTo("bob");
        await RemediatorOver(Audit).RemediateAsync(Job("first", first), CancellationToken.None);
        var quarantine = _tenant.Simulator.Tenant.FindMessage(first.MailboxId, first.ImmutableId)!.FolderId;
        var copy = DeliverTo("bob");
        // A new instance of the Function App: its Graph gateway knows no folder, the storage account is the same.
        var services = _tenant.Host.Services;
        var fresh = new GraphMailboxGateway(services.GetRequiredService<GraphServiceClient>(), TimeProvider.System, NullLogger<GraphMailboxGateway>.Instance);

        var before = _tenant.Simulator.Metrics.ForMailbox(copy.MailboxId);
        var result = await RemediatorOver(Audit, fresh).RemediateAsync(Job("second", copy), CancellationToken.None);
        var after = _tenant.Simulator.Metrics.ForMailbox(copy.MailboxId);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(quarantine, _tenant.Simulator.Tenant.FindMessage(copy.MailboxId, copy.ImmutableId)!.FolderId);
        // Where the copy is, then its move: no folder made, refused and looked up by name.
        Assert.Equal((2, 2), (after.Requests - before.Requests, after.RoundTrips - before.RoundTrips));
    }

    private IAuditTrail Audit => _tenant.Host.Services.GetRequiredService<IAuditTrail>();

    private DeliveredMessage DeliverTo(string user) =>
        Assert.Single(_tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.Newsletter(Domain, user)));

    private static RemediationJob Job(string campaignId, DeliveredMessage copy) =>
        new($"{campaignId}-{Guid.NewGuid():N}", [new MailboxCopies(copy.MailboxId, [copy.ImmutableId], [])], RemediationAction.Quarantine, ["TEST"], DateTimeOffset.UtcNow, Approved: true);

    private MailboxRemediator RemediatorOver(IAuditTrail audit, IMailboxGateway? mailboxes = null)
    {
        var services = _tenant.Host.Services;
        return new MailboxRemediator(
            mailboxes ?? services.GetRequiredService<IMailboxGateway>(), services.GetRequiredService<IHiddenFolderIds>(), audit, services.GetRequiredService<ScanEngine>(), _telemetry,
            services.GetRequiredService<CircuitBreaker>(), services.GetRequiredService<IOptions<RemediationOptions>>(), TimeProvider.System,
            services.GetRequiredService<ILogger<MailboxRemediator>>());
    }

    /// <summary>The Table audit trail whose claims fail, as a storage outage between finding a copy and acting on it would.</summary>
    private sealed class AuditFailingClaims(IAuditTrail audit) : IAuditTrail
    {
        public Task<AuditRecord?> FindAsync(string campaignId, string mailboxId, string messageId, CancellationToken cancellationToken) =>
            audit.FindAsync(campaignId, mailboxId, messageId, cancellationToken);

        public Task SaveAsync(AuditRecord record, CancellationToken cancellationToken) => audit.SaveAsync(record, cancellationToken);

        public Task<AuditRecord?> TryClaimAsync(AuditRecord pending, TimeSpan staleAfter, CancellationToken cancellationToken) =>
            throw new IOException("Injected: the audit table did not answer.");

        public Task<IReadOnlyList<AuditRecord>> TryClaimAllAsync(IReadOnlyList<AuditRecord> pending, TimeSpan staleAfter, CancellationToken cancellationToken) =>
            throw new IOException("Injected: the audit table did not answer.");

        public Task SaveAllAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) => audit.SaveAllAsync(records, cancellationToken);

        public Task<IReadOnlyList<AuditRecord>> ListAsync(string campaignId, string? mailboxId, CancellationToken cancellationToken) =>
            audit.ListAsync(campaignId, mailboxId, cancellationToken);
    }
}
