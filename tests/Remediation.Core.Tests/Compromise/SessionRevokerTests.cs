using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Compromise;
using Remediation.Core.Queues;

namespace Remediation.Core.Tests.Compromise;

/// <summary>The revoke a compromise incident queues, on the in-memory accounts and ledger with a fake clock.</summary>
public sealed class SessionRevokerTests
{
    private static readonly DateTimeOffset OpenedAt = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(OpenedAt.AddSeconds(30));
    private readonly InMemoryAccountGateway _accounts = new();
    private readonly InMemoryCompromiseLedger _ledger = new();

    public SessionRevokerTests() => _accounts.AddUser("a");

    [Fact]
    public async Task RevokeAsync_Queued_RevokesTheSessionsAndRecordsTheRevocation()
    {
        await NewRevoker().RevokeAsync(new SessionRevocation("a", OpenedAt), CancellationToken.None);

        Assert.Equal(["a"], _accounts.RevokedSignInSessions);
        Assert.Equal(new RecordedRevocation("a", OpenedAt, OpenedAt.AddSeconds(30)), Assert.Single(_ledger.Revocations("a")));
    }

    [Fact]
    public async Task RevokeAsync_Retried_RevokesAgainButKeepsTheFirstRecord()
    {
        var revoker = NewRevoker();
        await revoker.RevokeAsync(new SessionRevocation("a", OpenedAt), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));

        await revoker.RevokeAsync(new SessionRevocation("a", OpenedAt), CancellationToken.None);

        Assert.Equal(["a", "a"], _accounts.RevokedSignInSessions);
        Assert.Equal(OpenedAt.AddSeconds(30), Assert.Single(_ledger.Revocations("a")).RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_GraphFails_ThrowsForTheRetryAndRecordsNothing()
    {
        _accounts.FailSignInSessionRevocations(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => NewRevoker().RevokeAsync(new SessionRevocation("a", OpenedAt), CancellationToken.None));

        Assert.Empty(_accounts.RevokedSignInSessions);
        Assert.Empty(_ledger.Revocations("a"));
    }

    [Fact]
    public async Task RevokeAsync_RetryAfterAFailure_RecordsTheRevocationThen()
    {
        _accounts.FailSignInSessionRevocations(1);
        var revoker = NewRevoker();
        await Assert.ThrowsAsync<InvalidOperationException>(() => revoker.RevokeAsync(new SessionRevocation("a", OpenedAt), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));

        await revoker.RevokeAsync(new SessionRevocation("a", OpenedAt), CancellationToken.None);

        Assert.Equal(OpenedAt.AddSeconds(90), Assert.Single(_ledger.Revocations("a")).RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_TwoIncidents_RecordsOneRevocationForEach()
    {
        var revoker = NewRevoker();
        await revoker.RevokeAsync(new SessionRevocation("a", OpenedAt), CancellationToken.None);

        await revoker.RevokeAsync(new SessionRevocation("a", OpenedAt.AddDays(1)), CancellationToken.None);

        Assert.Equal([OpenedAt, OpenedAt.AddDays(1)], _ledger.Revocations("a").Select(r => r.IncidentOpenedAt));
    }

    [Fact]
    public async Task RevokeAsync_UnknownUser_ThrowsAndRecordsNothing()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => NewRevoker().RevokeAsync(new SessionRevocation("b", OpenedAt), CancellationToken.None));

        Assert.Empty(_accounts.RevokedSignInSessions);
        Assert.Empty(_ledger.Revocations("b"));
    }

    [Fact]
    public async Task RevokeAsync_Cancelled_RevokesNothingAndRecordsNothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewRevoker().RevokeAsync(new SessionRevocation("a", OpenedAt), new CancellationToken(canceled: true)));

        Assert.Empty(_accounts.RevokedSignInSessions);
        Assert.Empty(_ledger.Revocations("a"));
    }

    private SessionRevoker NewRevoker() => new(_accounts, _ledger, _clock, NullLogger<SessionRevoker>.Instance);
}
