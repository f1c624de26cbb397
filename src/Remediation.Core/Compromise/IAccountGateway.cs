namespace Remediation.Core.Compromise;

/// <summary>What the pipeline may do to a user account (Graph; needs User.RevokeSessions.All).</summary>
public interface IAccountGateway
{
    /// <summary>
    /// Whether anyone signs in as this user: not as a shared or resource mailbox, whose account Exchange creates
    /// disabled, nor as a user an administrator blocked.
    /// </summary>
    Task<bool> CanSignInAsync(string userId, CancellationToken cancellationToken);

    Task RevokeSignInSessionsAsync(string userId, CancellationToken cancellationToken);
}
