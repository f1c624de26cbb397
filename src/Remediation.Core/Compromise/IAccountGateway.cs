namespace Remediation.Core.Compromise;

/// <summary>What the pipeline may do to a user account (Graph; needs User.RevokeSessions.All).</summary>
public interface IAccountGateway
{
    Task RevokeSignInSessionsAsync(string userId, CancellationToken cancellationToken);
}
