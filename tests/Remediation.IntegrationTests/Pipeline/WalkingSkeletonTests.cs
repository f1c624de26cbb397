using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Mailboxes;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Showcase;
using Remediation.Showcase.Commands;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Pipeline;

/// <summary>
/// The whole path for real: the simulator delivers mail and notifies the local host's webhook, the scan stage
/// fetches it through GraphServiceClient, and the remediation stage moves the malicious copies.
/// </summary>
public sealed class WalkingSkeletonTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly RecordingTelemetry _telemetry = new();
    private readonly string _reportDirectory = Path.Combine(Path.GetTempPath(), $"showcase-{Guid.NewGuid():N}");
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("adele", "Adele Vance"), ("bob", "Bob Kelly"), ("carol", "Carol Diaz")],
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Remediation:PhishingAction"] = "MoveToJunk",
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync()
    {
        await _tenant.DisposeAsync();
        if (Directory.Exists(_reportDirectory)) Directory.Delete(_reportDirectory, recursive: true);
    }

    [Fact]
    public async Task Pipeline_PhishingInTwoMailboxes_MovesBothCopiesToJunkAndLeavesOtherMailAlone()
    {
        var tenant = _tenant.Simulator.Tenant;
        var newsletter = tenant.DeliverThroughTransport(SampleMail.Newsletter("contoso.example", "adele", "bob", "carol"));
        var phish = tenant.DeliverThroughTransport(SampleMail.CredentialPhish("contoso.example", "adele", "bob"));
        Assert.Equal(2, phish.Count);

        await Eventually.AssertAsync(() => phish.All(copy => tenant.FindMessage(copy.MailboxId, copy.ImmutableId)?.FolderWellKnownName == "junkemail"), "both phishing copies reach Junk", Patience);

        Assert.All(newsletter, copy => Assert.Equal("inbox", tenant.FindMessage(copy.MailboxId, copy.ImmutableId)?.FolderWellKnownName));
    }

    [Fact]
    public async Task Pipeline_OwnMovesAnnouncedByGraph_AreNotScannedAgain()
    {
        var tenant = _tenant.Simulator.Tenant;
        tenant.DeliverThroughTransport(SampleMail.Newsletter("contoso.example", "adele", "bob", "carol"));
        tenant.DeliverThroughTransport(SampleMail.CredentialPhish("contoso.example", "adele", "bob"));

        // Five arrivals, then two "created" notifications for the copies the pipeline moved into Junk.
        await Eventually.AssertAsync(() => _tenant.Simulator.Metrics.NotificationsDelivered >= 7, "seven notifications are delivered", Patience);
        await _tenant.SettledAsync();

        Assert.Equal(5, _telemetry.Events(PipelineEvents.MessageScanned).Count);
    }

    // Exchange's filter put the phish in Junk, where the scan leaves it; the user, waiting for a mail, moves it back.
    // Graph announces the move with the same immutable id a few minutes after the first notification: a new version
    // of the message, not a repeat.
    [Fact]
    public async Task Pipeline_PhishTheUserMovesOutOfJunk_IsScannedAgainAndRemediated()
    {
        var tenant = _tenant.Simulator.Tenant;
        var phish = tenant.AppendAsImap("adele@contoso.example", SampleMail.CredentialPhish("contoso.example", "adele"), WellKnownFolders.JunkEmail);
        await Eventually.AssertAsync(() => _tenant.Simulator.Metrics.NotificationsDelivered >= 1, "the arrival in Junk is announced", Patience);
        await _tenant.SettledAsync();
        Assert.Empty(_telemetry.Events(PipelineEvents.MessageRemediated));

        await _tenant.Graph.Users[phish.MailboxId].Messages[phish.ImmutableId].Move.PostAsync(new() { DestinationId = WellKnownFolders.Inbox });

        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.MessageRemediated).Count == 1, "the phish moved out of Junk is remediated", Patience);
        Assert.Equal("junkemail", tenant.FindMessage(phish.MailboxId, phish.ImmutableId)?.FolderWellKnownName);
    }

    [Fact]
    public async Task RunCommand_FreshLocalTenant_ExitsZeroAfterRemediating()
    {
        using var output = new StringWriter();

        var exitCode = await RunCommand.ExecuteAsync(SmallShowcase(), output, CancellationToken.None);

        Assert.True(exitCode == 0, output.ToString());
        Assert.Contains("PASS: every malicious copy remediated and no ordinary message touched", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCommand_SmallShowcase_SummarisesEveryCopyRemediatedTheWaveFlaggedAndTheAuditExported()
    {
        using var output = new StringWriter();

        var exitCode = await RunCommand.ExecuteAsync(SmallShowcase(), output, CancellationToken.None);

        var summary = output.ToString();
        Assert.True(exitCode == 0, summary);
        Assert.Matches(@"│ credential phishing\s+│ through transport\s+│\s+4 │\s+4 │\s+4 │", summary);
        Assert.Matches(@"│ Email Appender wave\s+│ appended over IMAP\s+│\s+3 │\s+3 │\s+3 │", summary);
        Assert.Matches(@"ordinary items: \d+, touched: 0 \(", summary);
        Assert.Contains("mailboxes flagged as compromised: 3 (3 of 3 in the wave, 0 outside it)", summary, StringComparison.Ordinal);
        Assert.Contains("forwarded the lure to the SOC from Drafts and Sent Items: not flagged", summary, StringComparison.Ordinal);
        Assert.Matches(@"time to remediate, delivery to remediation: p50 \d+\.\d s, p99 \d+\.\d s, max \d+\.\d s over 7 copies", summary);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_reportDirectory, "report.json")));
        Assert.True(report.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Equal(0, report.RootElement.GetProperty("ordinary").GetProperty("touched").GetInt32());
        Assert.All(report.RootElement.GetProperty("campaigns").EnumerateArray(),
            campaign => Assert.Equal(campaign.GetProperty("copies").GetInt32(), campaign.GetProperty("remediated").GetInt32()));
        using var audit = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_reportDirectory, "audit.json")));
        var campaignIds = report.RootElement.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("campaignId").GetString()).ToHashSet();
        Assert.Equal(7, audit.RootElement.EnumerateArray().Count(record =>
            record.GetProperty("outcome").GetString() == "Remediated" && campaignIds.Contains(record.GetProperty("campaignId").GetString())));
    }

    private ShowcaseOptions SmallShowcase() =>
        new(Mailboxes: 8, Wave: 3, CampaignRecipients: 4, Benign: 10, Timeout: Patience, ReportDirectory: _reportDirectory);
}
