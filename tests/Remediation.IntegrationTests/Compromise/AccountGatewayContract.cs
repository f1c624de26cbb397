using Remediation.Core.Compromise;

namespace Remediation.IntegrationTests.Compromise;

/// <summary>What every account gateway promises, whichever tenant answers: run against the in-memory twin and Graph (the tenant simulator).</summary>
public abstract class AccountGatewayContract
{
    protected abstract IAccountGateway Accounts { get; }

    /// <summary>The users whose sessions the tenant revoked, once per revocation, in order.</summary>
    protected abstract IReadOnlyList<string> RevokedSignInSessions { get; }

    /// <summary>A new user of the tenant; its id.</summary>
    protected abstract string AddUser(string name);

    /// <summary>A new shared mailbox, whose account nobody signs in as; its id.</summary>
    protected abstract string AddSharedMailbox(string name);

    [Fact]
    public async Task CanSignIn_UserYes_SharedMailboxNo_UnknownFails()
    {
        var ana = AddUser("ana");
        var desk = AddSharedMailbox("helpdesk");

        Assert.True(await Accounts.CanSignInAsync(ana, CancellationToken.None));
        Assert.False(await Accounts.CanSignInAsync(desk, CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => Accounts.CanSignInAsync($"id{Guid.NewGuid():N}", CancellationToken.None));
    }

    /// <summary>The tenant fails the next <paramref name="count"/> revocations.</summary>
    protected abstract void FailSignInSessionRevocations(int count);

    [Fact]
    public async Task RevokeSignInSessions_KnownUser_RevokesTheirSessionsOnly()
    {
        var ana = AddUser("ana");
        AddUser("ben");

        await Accounts.RevokeSignInSessionsAsync(ana, CancellationToken.None);

        Assert.Equal([ana], RevokedSignInSessions);
    }

    [Fact]
    public async Task RevokeSignInSessions_Twice_RevokesTwiceWithoutComplaint()
    {
        var ana = AddUser("ana");
        await Accounts.RevokeSignInSessionsAsync(ana, CancellationToken.None);

        await Accounts.RevokeSignInSessionsAsync(ana, CancellationToken.None);

        Assert.Equal([ana, ana], RevokedSignInSessions);
    }

    [Fact]
    public async Task RevokeSignInSessions_UnknownUser_FailsAndRevokesNothing()
    {
        AddUser("ana");

        await Assert.ThrowsAnyAsync<Exception>(() => Accounts.RevokeSignInSessionsAsync($"id{Guid.NewGuid():N}", CancellationToken.None));

        Assert.Empty(RevokedSignInSessions);
    }

    [Fact]
    public async Task RevokeSignInSessions_TenantFailsOnce_ThrowsThenTheRetryRevokes()
    {
        var ana = AddUser("ana");
        FailSignInSessionRevocations(1);

        await Assert.ThrowsAnyAsync<Exception>(() => Accounts.RevokeSignInSessionsAsync(ana, CancellationToken.None));
        Assert.Empty(RevokedSignInSessions);

        await Accounts.RevokeSignInSessionsAsync(ana, CancellationToken.None);

        Assert.Equal([ana], RevokedSignInSessions);
    }
}
