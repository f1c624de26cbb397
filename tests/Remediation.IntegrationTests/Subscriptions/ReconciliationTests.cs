using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Remediation;
using Remediation.Core.Subscriptions;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Subscriptions;

/// <summary>
/// The reconciliation through the real local pipeline: Graph drops change notifications without a word (the
/// simulator told to), and the periodic resync alone must find what arrived, in any folder, bounded by the window.
/// </summary>
public sealed class ReconciliationTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant? _tenant;

    private SimulatedTenant Tenant => _tenant!.Simulator.Tenant;

    private SimulatedMailbox Adele => Tenant.FindMailbox($"adele@{Domain}")!;

    // Each test starts the pipeline with the settings it needs.
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_tenant is not null) await _tenant.DisposeAsync();
    }

    [Fact]
    public async Task ReconcileTimer_LureAppendedIntoNestedFolderWithoutNotification_IsScannedAndQuarantined()
    {
        await StartAsync(reconcileInterval: TimeSpan.FromSeconds(2));
        var q4 = Adele.AddFolder("Projects/2026/Q4");

        var lure = Tenant.AppendAsImap(Adele.Id, SampleMail.AppendedLure(Domain, "adele"), "Projects/2026/Q4");

        string? FolderOfLure() => Tenant.FindMessage(Adele.Id, lure.ImmutableId)?.FolderId;
        await Eventually.AssertAsync(() => FolderOfLure() != q4, "the lure was moved out of the nested folder", Patience);
        Assert.Equal(Adele.ResolveFolderId(new RemediationOptions().QuarantineFolderName), FolderOfLure());
        // The append and the pipeline's own move were both announced, and both announcements dropped.
        Assert.True(_tenant!.Simulator.Metrics.DroppedNotifications >= 1);
        Assert.Equal(0, _tenant.Simulator.Metrics.NotificationsDelivered);
        Assert.Contains(Scanned(), s => s == (Adele.Id, lure.ImmutableId));
        Assert.NotEmpty(_telemetry.Events(PipelineEvents.MailboxesReconciled));
    }

    [Fact]
    public async Task Reconcile_MoreThanOnePageOfFoldersAndOfChildFolders_ReadsEveryFolder()
    {
        await StartAsync();
        // The pipeline asks for 100 folders a page: 7 well-known + 100 + "Clients" at the top, and 105 clients under it.
        for (var i = 0; i < 100; i++) Adele.AddFolder($"Folder {i:000}");
        for (var i = 0; i < 105; i++) Adele.AddFolder($"Clients/Client {i:000}");
        var mail = new[] { "inbox", "Folder 099", "Clients/Client 104" }
            .Select(folder => Tenant.AppendAsImap(Adele.Id, SampleMail.Newsletter(Domain, "adele"), folder))
            .ToList();

        var report = await ReconcileAsync();

        Assert.Equal(7 + 100 + 1 + 105 + 7, report.Folders);
        Assert.Equal(new ReconciliationReport(Mailboxes: 2, Folders: report.Folders, Queued: 3, Failed: 0), report);
        await Eventually.AssertAsync(() => mail.All(m => Scanned().Contains((m.MailboxId, m.ImmutableId))), "every message scanned", Patience);
    }

    [Fact]
    public async Task Reconcile_FirstSync_IgnoresMailOlderThanTheWindow()
    {
        await StartAsync();
        Adele.AddFolder("Projects/2026");
        var now = DateTimeOffset.UtcNow;
        var old = Tenant.AppendAsImap(Adele.Id, SampleMail.Newsletter(Domain, "adele"), "Projects/2026", receivedAt: now.AddDays(-8));
        var recent = Tenant.AppendAsImap(Adele.Id, SampleMail.Newsletter(Domain, "adele"), "Projects/2026", receivedAt: now.AddDays(-6));

        var report = await ReconcileAsync();

        Assert.Equal(1, report.Queued);
        await Eventually.AssertAsync(() => Scanned().Contains((recent.MailboxId, recent.ImmutableId)) && _tenant!.WorkQueuesEmpty(), "the recent message is scanned and the queues drain", Patience);
        Assert.DoesNotContain((old.MailboxId, old.ImmutableId), Scanned());
    }

    [Fact]
    public async Task Reconcile_QuietMailboxTheSecondTime_QueuesNothingAndReadsEachFolderOnceFromItsDeltaLink()
    {
        await StartAsync();
        Adele.AddFolder("Projects/2026");
        Adele.AddFolder("Projects/Clients");
        Tenant.AppendAsImap(Adele.Id, SampleMail.Newsletter(Domain, "adele"), "Projects/2026");
        Tenant.AppendAsImap(Adele.Id, SampleMail.Newsletter(Domain, "adele"), "Projects/Clients");
        var first = await ReconcileAsync();
        await Eventually.AssertAsync(() => Scanned().Count == 2 && _tenant!.WorkQueuesEmpty(), () => $"{Scanned().Count} of 2 scanned, queues drained: {_tenant!.WorkQueuesEmpty()}", Patience);
        var metrics = _tenant!.Simulator.Metrics;
        var (requestsBefore, roundsBefore) = (metrics.ForMailbox(Adele.Id).Requests, metrics.DeltaRoundsStarted);

        var second = await ReconcileAsync();

        Assert.Equal(2, first.Queued);
        Assert.Equal(0, second.Queued);
        Assert.Equal(first.Folders, second.Folders);
        Assert.Equal(roundsBefore, metrics.DeltaRoundsStarted);
        // 7 well-known folders + Projects + its 2 children, one delta read each, and 2 listings (the top, Projects).
        Assert.Equal(10 + 2, metrics.ForMailbox(Adele.Id).Requests - requestsBefore);
        await _tenant!.SettledAsync();
        Assert.Equal(2, Scanned().Count);
        Assert.Equal("0", _telemetry.Events(PipelineEvents.MailboxesReconciled)[^1][PipelineEventProperties.Messages]);
    }

    private async Task StartAsync(TimeSpan? reconcileInterval = null)
    {
        _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
        {
            Mailboxes = [("adele", "Adele Vance"), ("bob", "Bob Kelly")],
            Settings = new Dictionary<string, string?>
            {
                ["Detection:BlockedUrlDomains:0"] = SampleMail.AppenderDomain,
                ["LocalHost:ReconcileInterval"] = (reconcileInterval ?? TimeSpan.Zero).ToString("c"),
            },
            ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
        });
        // Nothing reaches the webhook from here on, and no lifecycle event says so.
        Tenant.DropChangeNotifications = true;
    }

    private Task<ReconciliationReport> ReconcileAsync() =>
        _tenant!.Host.Services.GetRequiredService<MailboxReconciliation>().RunAsync(CancellationToken.None);

    private List<(string, string)> Scanned() =>
        [.. _telemetry.Events(PipelineEvents.MessageScanned).Select(e => (e[PipelineEventProperties.MailboxId], e[PipelineEventProperties.MessageId]))];
}
