using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Breakers;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Compromise;

/// <summary>
/// Revoking a compromised user's sessions: a Graph failure must not hide the incident, and a wave larger than the
/// hourly cap must not sign out more users than the cap allows.
/// </summary>
public sealed class SessionRevocationTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant? _tenant;

    public Task InitializeAsync() => HourTurn.AvoidAsync(Patience);

    public async Task DisposeAsync()
    {
        if (_tenant is not null) await _tenant.DisposeAsync();
    }

    [Fact]
    public async Task Pipeline_RevokeFailsOnce_AlertFiresAndRevokeIsRetried()
    {
        var tenant = await StartAsync(maxRevocationsPerHour: 10);
        // Whichever mailbox's revoke comes first fails, and with it the next one.
        tenant.Simulator.Tenant.FailSignInSessionRevocations(2);

        var wave = AppendWave(tenant, mailboxes: 2);

        await Eventually.AssertAsync(() => Flagged().Count == 2, "both mailboxes are alerted on", Patience);
        Assert.All(_telemetry.Events(PipelineEvents.MailboxCompromised), e => Assert.Equal("RevokeSessions", e[PipelineEventProperties.Response]));
        await Eventually.AssertAsync(() => tenant.Simulator.Tenant.RevokedSignInSessions.Distinct().Count() == 2, "the failed revokes are retried until they succeed", Patience);
        Assert.Equal(wave.Order(), tenant.Simulator.Tenant.RevokedSignInSessions.Distinct().Order());
    }

    [Fact]
    public async Task Pipeline_WaveBeyondTheRevocationCap_RevokesUpToTheCapAndAlertsTheRest()
    {
        var tenant = await StartAsync(maxRevocationsPerHour: 3);

        var wave = AppendWave(tenant, mailboxes: 6);

        await Eventually.AssertAsync(() => Flagged().Count == 6, "every mailbox of the wave is alerted on", Patience);
        await Eventually.AssertAsync(() => tenant.Simulator.Tenant.RevokedSignInSessions.Count >= 3, "the cap's worth is revoked", Patience);
        await tenant.SettledAsync();

        Assert.Equal(wave.Order(), Flagged().Order());
        var revoked = tenant.Simulator.Tenant.RevokedSignInSessions;
        Assert.Equal(3, revoked.Count);
        var heldBack = _telemetry.Events(PipelineEvents.MailboxCompromised).Where(e => e[PipelineEventProperties.Response] == "AlertOnly (revocation cap reached)");
        Assert.Equal(wave.Except(revoked).Order(), heldBack.Select(e => e[PipelineEventProperties.MailboxId]).Order());
        var tripped = Assert.Single(_telemetry.Events(PipelineEvents.CircuitBreakerTripped));
        Assert.Equal(CircuitBreaker.SessionRevocations, tripped[PipelineEventProperties.Breaker]);
        Assert.Equal("3", tripped[PipelineEventProperties.Limit]);
    }

    [Fact]
    public async Task Pipeline_RevocationBudgetUnreachable_AlertStillFiresAndAsksForTheRevokeByHand()
    {
        var tenant = await StartAsync(maxRevocationsPerHour: 10, services => services.AddSingleton<IHourlyBudget, UnreachableBudget>());

        var wave = AppendWave(tenant, mailboxes: 2);

        await Eventually.AssertAsync(() => Flagged().Count == 2, "both mailboxes are alerted on", Patience);
        Assert.All(_telemetry.Events(PipelineEvents.MailboxCompromised),
            e => Assert.Equal("AlertOnly (revoke could not be queued: revoke by hand)", e[PipelineEventProperties.Response]));
        Assert.Equal(wave.Order(), Flagged().Order());
    }

    [Fact]
    public async Task Pipeline_WaveIntoASharedMailbox_AlertsToFindTheDelegateAndSignsOutOnlyTheUser()
    {
        var tenant = await StartAsync(maxRevocationsPerHour: 10);
        var shared = tenant.Simulator.Tenant.FindMailbox($"{SharedMailbox}@{Domain}")!.Id;

        var wave = AppendWave(tenant, mailboxes: 1);
        tenant.Simulator.Tenant.AppendAsImap($"{SharedMailbox}@{Domain}", SampleMail.AppendedLure(Domain, SharedMailbox));

        await Eventually.AssertAsync(() => Flagged().Count == 2, "the user and the shared mailbox are alerted on", Patience);
        await tenant.SettledAsync();
        Assert.Equal("AlertOnly (no one signs in as this mailbox: find the delegate who placed the mail)",
            Assert.Single(_telemetry.Events(PipelineEvents.MailboxCompromised), e => e[PipelineEventProperties.MailboxId] == shared)[PipelineEventProperties.Response]);
        Assert.Equal(wave, tenant.Simulator.Tenant.RevokedSignInSessions);
    }

    private const string SharedMailbox = "helpdesk";

    private async Task<LocalTenant> StartAsync(int maxRevocationsPerHour, Action<IServiceCollection>? configure = null) => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, 8).Select(i => (User(i), $"User {i}"))],
        ConfigureTenant = tenant => tenant.AddSharedMailbox($"{SharedMailbox}@{Domain}", "Help desk"),
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.AppenderDomain,
            ["Compromise:Response"] = "RevokeSessions",
            ["Compromise:MaxRevocationsPerHour"] = maxRevocationsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        ConfigureServices = services =>
        {
            services.AddSingleton<IPipelineTelemetry>(_telemetry);
            configure?.Invoke(services);
        },
    });

    /// <summary>The breakers' table, unreachable: as storage failing between opening an incident and alerting.</summary>
    private sealed class UnreachableBudget : IHourlyBudget
    {
        public Task<BudgetTake> TakeAsync(string breaker, int limitPerHour, int units, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new IOException("Injected: the breakers' table did not answer.");
    }

    /// <summary>The Email Appender's lure placed over IMAP into the first mailboxes; their user ids.</summary>
    private static List<string> AppendWave(LocalTenant tenant, int mailboxes) =>
        [.. Enumerable.Range(0, mailboxes).Select(i => tenant.Simulator.Tenant.AppendAsImap($"{User(i)}@{Domain}", SampleMail.AppendedLure(Domain, User(i))).MailboxId)];

    private List<string> Flagged() => [.. _telemetry.Events(PipelineEvents.MailboxCompromised).Select(e => e[PipelineEventProperties.MailboxId])];

    private static string User(int i) => $"user{i:D2}";
}
