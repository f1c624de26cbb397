using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Remediation.Core.Hunting;
using Remediation.Core.Scanning;
using Remediation.Core.Telemetry;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Hunting;

/// <summary>How a hunt runs: in pages that survive an interruption, in report-only mode, and from the block-list trigger.</summary>
public sealed class HuntRunTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private static readonly string[] Users = [.. Enumerable.Range(1, 20).Select(i => $"user{i:D2}")];
    private readonly RecordingTelemetry _telemetry = new();
    private InterruptingHuntStore? _store;
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Users.Select(u => (u, u))],
        Settings = new Dictionary<string, string?>
        {
            // Small pages and short runs: a hunt of a few hundred copies crosses many pages and many queue messages.
            ["Hunting:PageSize"] = "25",
            ["Hunting:Slice"] = "00:00:00",
        },
        ConfigureServices = services =>
        {
            services.AddSingleton<IPipelineTelemetry>(_telemetry);
            services.AddSingleton<IHuntStore>(sp => _store = new InterruptingHuntStore(new TableHuntStore(sp.GetRequiredService<TableServiceClient>()), failAtFinding: 5));
        },
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Hunt_InterruptedHalfwayAndRetried_HandlesEachCopyOnce()
    {
        var copies = await DeliverCleanAsync(editions: 12);

        await StartAsync($"url-domain={HuntMail.LaterBadDomain}");

        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.HuntCompleted).Count == 1
            && _telemetry.Events(PipelineEvents.MessageRemediated).Count >= copies.Count, "the hunt completed and every copy was remediated", TimeSpan.FromMinutes(3));
        await Eventually.AssertAsync(_tenant.WorkQueuesEmpty, "the pipeline settled");
        Assert.Equal(1, _store!.Interruptions);
        var remediated = _telemetry.Events(PipelineEvents.MessageRemediated).GroupBy(e => (e[PipelineEventProperties.MailboxId], e[PipelineEventProperties.MessageId])).ToList();
        Assert.Equal(copies.Count, remediated.Count);
        Assert.All(remediated, copy => Assert.Single(copy));
        var completed = Assert.Single(_telemetry.Events(PipelineEvents.HuntCompleted));
        Assert.Equal(($"{copies.Count}", $"{copies.Count}", "12"), (completed[PipelineEventProperties.Matched], completed[PipelineEventProperties.Copies], completed[PipelineEventProperties.Campaigns]));
        Assert.True(_tenant.NoneIn(copies, "inbox"), "no copy left in an inbox");
    }

    [Fact]
    public async Task Hunt_ReportOnly_RecordsWhatItWouldRemediateAndMovesNothing()
    {
        var copies = await DeliverCleanAsync(editions: 3);

        var huntId = await StartAsync($"url-domain={HuntMail.LaterBadDomain}&report-only=true");

        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.HuntCompleted).Count == 1, "the hunt completed");
        await Eventually.AssertAsync(_tenant.WorkQueuesEmpty, "the pipeline settled");
        var completed = Assert.Single(_telemetry.Events(PipelineEvents.HuntCompleted));
        Assert.Equal(($"{copies.Count}", "True"), (completed[PipelineEventProperties.Copies], completed[PipelineEventProperties.ReportOnly]));
        Assert.Empty(_telemetry.Events(PipelineEvents.MessageRemediated));
        Assert.True(_tenant.AllIn(copies, "inbox"), "every copy stays in its inbox");
        var report = await _tenant.Host.Services.GetRequiredService<HuntControl>().ReportAsync(huntId, CancellationToken.None);
        Assert.Equal(3, report!.Findings.Count(f => f.Malicious && f.Rules.Contains("HUNTED_CONTENT")));
    }

    [Fact]
    public async Task Triggers_BlockListGainsADomain_HuntsMailDeliveredBeforeOnce()
    {
        var copies = await DeliverCleanAsync(editions: 2);
        var services = _tenant.Host.Services;
        // The host started with empty lists; this is the next start, configured with the domain added.
        var nextStart = new HuntTriggers(services.GetRequiredService<HuntControl>(), services.GetRequiredService<IHuntStore>(),
            Options.Create(new DetectionOptions { BlockedUrlDomains = [HuntMail.LaterBadDomain] }), services.GetRequiredService<IOptions<HuntOptions>>(),
            TimeProvider.System, NullLogger<HuntTriggers>.Instance);

        Assert.Equal(1, await nextStart.StartDueAsync(CancellationToken.None));

        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.HuntCompleted).Count == 1 && _tenant.NoneIn(copies, "inbox"), "the trigger's hunt remediated every copy");
        Assert.Equal("Settings", _telemetry.Events(PipelineEvents.HuntCompleted)[0][PipelineEventProperties.Trigger]);
        Assert.Equal(0, await nextStart.StartDueAsync(CancellationToken.None));
    }

    // Each edition goes to every user and is clean when it arrives.
    private async Task<List<DeliveredMessage>> DeliverCleanAsync(int editions)
    {
        var copies = Enumerable.Range(1, editions).SelectMany(n => _tenant.Simulator.Tenant.DeliverThroughTransport(HuntMail.Update(Domain, n, Users))).ToList();
        // At least once: a notification Graph delivered twice may be scanned twice; every copy must be scanned.
        await Eventually.AssertAsync(() => ScannedCopies() == copies.Count,
            () => $"every copy scanned ({ScannedCopies()} of {copies.Count}, {_telemetry.Events(PipelineEvents.MessageScanned).Count} scans)");
        Assert.All(_telemetry.Events(PipelineEvents.MessageScanned), e => Assert.Equal("Clean", e[PipelineEventProperties.Band]));
        return copies;
    }

    private int ScannedCopies() => _telemetry.Events(PipelineEvents.MessageScanned)
        .Select(e => (e[PipelineEventProperties.MailboxId], e[PipelineEventProperties.MessageId])).Distinct().Count();

    private async Task<string> StartAsync(string query)
    {
        using var response = await _tenant.PostAdminAsync($"api/hunts?{query}");
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
