using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Pipeline;

/// <summary>
/// The tenant's scan limits decide how much of a message is read from the store, not a default of the gateway's:
/// a message past the configured size is unscannable, and the alert says which limit it passed.
/// </summary>
public sealed class ScanLimitsTests : IAsyncLifetime
{
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("ana", "Ana")],
        Settings = new Dictionary<string, string?> { ["Detection:Limits:MaxMessageBytes"] = "8192" },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Scan_MessageLargerThanTheTenantsLimit_IsUnscannableNamingTheLimit()
    {
        var mime = "From: Partner <news@partner.example>\r\nTo: ana@contoso.example\r\nSubject: Minutes\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@partner.example>\r\nContent-Type: text/plain\r\n\r\n{string.Join("\r\n", Enumerable.Repeat("Notes from the meeting.", 1_000))}\r\n";
        var delivered = Assert.Single(_tenant.Simulator.Tenant.DeliverThroughTransport(mime));

        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.MessageUnscannable).Any(),
            "the 24 KB message was judged unscannable against the tenant's 8 KB limit");

        var unscannable = Assert.Single(_telemetry.Events(PipelineEvents.MessageUnscannable));
        Assert.Equal((delivered.ImmutableId, "it is larger than 8 KB"), (unscannable[PipelineEventProperties.MessageId], unscannable[PipelineEventProperties.Reason]));
    }
}
