namespace Remediation.Core.Compromise;

/// <summary>
/// The tenant's accounts in one process: the twin of the Graph account gateway for tests. Like Graph it knows users
/// by id (case aside), refuses an unknown one, revokes a user's sessions as often as asked, and can be told to fail
/// the next revocations as Graph does when it has a bad moment.
/// </summary>
public sealed class InMemoryAccountGateway : IAccountGateway
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _withoutSignIn = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _revoked = [];
    private int _faultsLeft;

    /// <summary>The users whose sessions were revoked, once per revocation, in order.</summary>
    public IReadOnlyList<string> RevokedSignInSessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _revoked];
            }
        }
    }

    /// <param name="canSignIn">False for a shared or resource mailbox's account, or a blocked user.</param>
    public void AddUser(string userId, bool canSignIn = true)
    {
        lock (_gate)
        {
            _users.Add(userId);
            if (!canSignIn) _withoutSignIn.Add(userId);
        }
    }

    public Task<bool> CanSignInAsync(string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_users.Contains(userId)) throw new KeyNotFoundException($"No user {userId}.");
            return Task.FromResult(!_withoutSignIn.Contains(userId));
        }
    }

    /// <summary>The next <paramref name="count"/> revocations fail, revoking nothing.</summary>
    public void FailSignInSessionRevocations(int count)
    {
        lock (_gate)
        {
            _faultsLeft = count;
        }
    }

    public Task RevokeSignInSessionsAsync(string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_users.Contains(userId)) throw new KeyNotFoundException($"No user {userId}.");
            if (_faultsLeft > 0)
            {
                _faultsLeft--;
                throw new InvalidOperationException("An injected fault: the sessions were not revoked.");
            }
            _revoked.Add(userId);
        }
        return Task.CompletedTask;
    }
}
