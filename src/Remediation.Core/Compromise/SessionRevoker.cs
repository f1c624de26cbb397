using Microsoft.Extensions.Logging;
using Remediation.Core.Queues;

namespace Remediation.Core.Compromise;

/// <summary>
/// Revokes a compromised mailbox's sessions apart from raising the alert, with the queue's retries: a Graph failure
/// retries the revoke (and ends in the poison queue, which alerts) instead of hiding the incident.
/// </summary>
public sealed partial class SessionRevoker(IAccountGateway accounts, ICompromiseLedger ledger, TimeProvider clock, ILogger<SessionRevoker> logger)
{
    public async Task RevokeAsync(SessionRevocation revocation, CancellationToken cancellationToken)
    {
        // Revoking twice is harmless in Graph; the ledger keeps one record per incident.
        await accounts.RevokeSignInSessionsAsync(revocation.MailboxId, cancellationToken);
        await ledger.RecordRevocationAsync(revocation.MailboxId, revocation.IncidentOpenedAt, clock.GetUtcNow(), cancellationToken);
        LogRevoked(revocation.MailboxId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in sessions of mailbox {MailboxId} revoked")]
    private partial void LogRevoked(string mailboxId);
}
