using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Compromise;

/// <summary>
/// A wave appended over IMAP proves the mailboxes' credentials are stolen; benign mail placed without transport and
/// a transported phishing campaign prove nothing about their recipients.
/// </summary>
public sealed class CompromisedAccountTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, 60).Select(i => (User(i), $"User {i}"))],
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Detection:BlockedUrlDomains:1"] = SampleMail.AppenderDomain,
            ["Compromise:Response"] = "RevokeSessions",
            // Detection is under test here, not the hourly cap: the whole wave may be revoked.
            ["Compromise:MaxRevocationsPerHour"] = "100",
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Pipeline_WaveMigrationAndTransportedCampaign_FlagsExactlyTheWaveMailboxesOnce()
    {
        var tenant = _tenant.Simulator.Tenant;
        var wave = Enumerable.Range(0, 20).Select(i => tenant.AppendAsImap($"{User(i)}@{Domain}", SampleMail.AppendedLure(Domain, User(i)))).ToList();
        var migrated = Enumerable.Range(20, 20).SelectMany(i => Enumerable.Range(0, 3).Select(_ =>
            tenant.AppendAsImap($"{User(i)}@{Domain}", SampleMail.Newsletter(Domain, User(i))))).ToList();
        var campaign = tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(40, 20).Select(User)]));
        var malicious = wave.Concat(campaign).ToList();

        await Eventually.AssertAsync(() => _tenant.NoneIn(malicious, "inbox") && Scanned() >= 100, () => $"{Scanned()} of 100 scanned, malicious copies left in an Inbox: {malicious.Count(c => _tenant.FolderOf(c) == "inbox")}", TimeSpan.FromSeconds(120));
        await _tenant.SettledAsync();

        var flagged = _telemetry.Events(PipelineEvents.MailboxCompromised).Select(e => e[PipelineEventProperties.MailboxId]).ToList();
        Assert.Equal(wave.Select(c => c.MailboxId).Order(), flagged.Order());
        Assert.Equal(wave.Select(c => c.MailboxId).Order(), tenant.RevokedSignInSessions.Order());
        Assert.True(_tenant.AllIn(migrated, "inbox"));
        var evidence = _telemetry.Events(PipelineEvents.MailboxCompromised)[0];
        Assert.All(new[] { PipelineEventProperties.Messages, PipelineEventProperties.CampaignId, PipelineEventProperties.FirstSeen, PipelineEventProperties.LastSeen },
            property => Assert.False(string.IsNullOrEmpty(evidence[property]), property));
    }

    private int Scanned() => _telemetry.Events(PipelineEvents.MessageScanned).Count;

    private static string User(int i) => $"user{i:D2}";
}
