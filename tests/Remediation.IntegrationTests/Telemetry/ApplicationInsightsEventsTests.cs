using System.Net.Http.Headers;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Telemetry;
using Remediation.Functions;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Telemetry;

/// <summary>
/// The pipeline's events through the Functions app's Application Insights sink, captured at the channel: the names
/// and properties the alert rules in infra/ query are really emitted.
/// </summary>
public sealed class ApplicationInsightsEventsTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private readonly CapturingChannel _channel = new();
    private readonly TelemetryConfiguration _configuration;
    private LocalTenant _tenant = null!;

    public ApplicationInsightsEventsTests() =>
        _configuration = new TelemetryConfiguration { TelemetryChannel = _channel, ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000" };

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("adele", "Adele Vance"), ("bob", "Bob Kelly"), ("carol", "Carol Diaz")],
        Settings = new Dictionary<string, string?> { ["Detection:BlockedUrlDomains:0"] = SampleMail.AppenderDomain },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(new ApplicationInsightsTelemetry(new TelemetryClient(_configuration))),
    });

    public async Task DisposeAsync()
    {
        await _tenant.DisposeAsync();
        _configuration.Dispose();
    }

    [Fact]
    public async Task Pipeline_WaveAndForgedNotification_EmitsTheEventsAndPropertiesTheAlertsQuery()
    {
        var wave = new[] { "adele", "bob", "carol" }.Select(u => _tenant.Simulator.Tenant.AppendAsImap($"{u}@{Domain}", SampleMail.AppendedLure(Domain, u))).ToList();
        using var http = new HttpClient();
        using var forged = new StringContent("""{"value":[{"clientState":"guess","tenantId":"x","resource":"Users/u/Messages/m"}]}""", new MediaTypeHeaderValue("application/json"));
        Assert.Equal(400, (int)(await http.PostAsync(_tenant.Host.NotificationUrl, forged)).StatusCode);

        await Eventually.AssertAsync(() => Events(PipelineEvents.MailboxCompromised).Count == 3 && Events(PipelineEvents.MessageRemediated).Count == 3, () => string.Join(", ", _channel.Sent.OfType<EventTelemetry>().GroupBy(e => e.Name).Select(g => $"{g.Key} {g.Count()}")), TimeSpan.FromSeconds(60));

        Assert.All(Events(PipelineEvents.MessageRemediated), e => AssertHas(e, PipelineEventProperties.CampaignId, PipelineEventProperties.MailboxId, PipelineEventProperties.Rules));
        Assert.All(Events(PipelineEvents.MailboxCompromised), e => AssertHas(e,
            PipelineEventProperties.MailboxId, PipelineEventProperties.Messages, PipelineEventProperties.CampaignId,
            PipelineEventProperties.FirstSeen, PipelineEventProperties.LastSeen, PipelineEventProperties.Response));
        AssertHas(Assert.Single(Events(PipelineEvents.WebhookRejected)), PipelineEventProperties.Count);
        Assert.Equal(wave.Select(c => c.MailboxId).Order(), Events(PipelineEvents.MailboxCompromised).Select(e => e.Properties[PipelineEventProperties.MailboxId]).Order());
    }

    private List<EventTelemetry> Events(string name) => [.. _channel.Sent.OfType<EventTelemetry>().Where(e => e.Name == name)];

    private static void AssertHas(EventTelemetry telemetry, params string[] properties)
    {
        foreach (var property in properties)
        {
            Assert.False(!telemetry.Properties.TryGetValue(property, out var value) || string.IsNullOrEmpty(value), $"{telemetry.Name} lacks {property}");
        }
    }
}
