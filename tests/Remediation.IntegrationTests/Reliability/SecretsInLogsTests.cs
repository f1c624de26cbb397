using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Reliability;

/// <summary>A whole run, every log line at every level: neither the notification secret nor the function key appears.</summary>
public sealed class SecretsInLogsTests : IAsyncLifetime
{
    private const string ClientState = "c1ient-state-that-must-never-be-logged-7f3a";
    private const string FunctionKey = "function-key-that-must-never-be-logged-9b2e";
    private readonly CapturedLogs _logs = new();
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("adele", "Adele Vance"), ("bob", "Bob Kelly")],
        Settings = new Dictionary<string, string?>
        {
            ["Tenant:ClientState"] = ClientState,
            ["Subscriptions:FunctionKey"] = FunctionKey,
            ["LocalHost:FunctionKey"] = FunctionKey,
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    }, logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Run_WithSecretsConfigured_NoLogLineContainsThem()
    {
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish("contoso.example", "adele", "bob"));
        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), "the run remediated, so every stage logged", TimeSpan.FromSeconds(60));
        Assert.True(_tenant.Simulator.Tenant.Subscriptions.All(s => s.NotificationUrl.Query.Contains(FunctionKey, StringComparison.Ordinal)),
            "the key rides in the notification URLs");

        Assert.True(_logs.Lines.Count > 100);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(ClientState, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(FunctionKey, StringComparison.Ordinal));
    }
}
