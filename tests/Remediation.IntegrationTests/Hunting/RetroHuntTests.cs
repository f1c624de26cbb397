using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Remediation;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Hunting;

/// <summary>
/// Mail delivered clean to 300 mailboxes; afterwards the SOC learns its link domain is bad: the hunt finds every copy
/// from the index, remediates it through the campaign path, and the SOC can undo the whole hunt.
/// </summary>
public sealed class RetroHuntTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private static readonly string[] Users = [.. Enumerable.Range(1, 300).Select(i => $"user{i:D3}")];
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Users.Select(u => (u, u))],
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Hunt_UrlDomainNamedAfterDelivery_RemediatesEveryCopyAndRestoreUndoesIt()
    {
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(HuntMail.Update(Domain, 1, Users));
        Assert.Equal(Users.Length, copies.Count);
        // At least once: a notification Graph delivered twice may be scanned twice; every copy must be scanned.
        await Eventually.AssertAsync(() => ScannedCopies() == copies.Count,
            () => $"every copy scanned ({ScannedCopies()} of {copies.Count}, {_telemetry.Events(PipelineEvents.MessageScanned).Count} scans)", TimeSpan.FromMinutes(3));
        Assert.All(_telemetry.Events(PipelineEvents.MessageScanned), e => Assert.Equal("Clean", e[PipelineEventProperties.Band]));

        using var started = await _tenant.PostAdminAsync($"api/hunts?url-domain={HuntMail.LaterBadDomain}&since=1d");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var huntId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.MessageRemediated).Count == copies.Count && _tenant.NoneIn(copies, "inbox"),
            "every copy remediated", TimeSpan.FromMinutes(3));
        var completed = Assert.Single(_telemetry.Events(PipelineEvents.HuntCompleted));
        Assert.Equal((huntId, "300", "300", "1", "Analyst"), (completed[PipelineEventProperties.HuntId], completed[PipelineEventProperties.Matched],
            completed[PipelineEventProperties.Copies], completed[PipelineEventProperties.Campaigns], completed[PipelineEventProperties.Trigger]));
        Assert.Equal(copies.Count, _telemetry.Events(PipelineEvents.MessageRemediated).Select(e => e[PipelineEventProperties.MessageId]).Distinct().Count());

        using var restored = await _tenant.PostAdminAsync($"api/hunts/{huntId}/restore");

        Assert.Equal(new RestoreResult(Restored: copies.Count, Skipped: 0, Gone: 0, Failed: 0), await restored.Content.ReadFromJsonAsync<RestoreResult>());
        Assert.True(_tenant.AllIn(copies, "inbox"), "every copy is back in the inbox");
    }

    private int ScannedCopies() => _telemetry.Events(PipelineEvents.MessageScanned)
        .Select(e => (e[PipelineEventProperties.MailboxId], e[PipelineEventProperties.MessageId])).Distinct().Count();
}
