namespace Remediation.Core.Audit;

/// <summary>One record per copy per campaign (Table storage in production): the history and the undo log.</summary>
public interface IAuditTrail
{
    Task<AuditRecord?> FindAsync(string campaignId, string mailboxId, string messageId, CancellationToken cancellationToken);

    Task SaveAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="pending"/> unless another job holds the copy: true when this job may act. A copy whose
    /// record failed, or stayed pending longer than <paramref name="staleAfter"/> (its job died), can be claimed again.
    /// </summary>
    Task<bool> TryClaimAsync(AuditRecord pending, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>The campaign's records, optionally of one mailbox only.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(string campaignId, string? mailboxId, CancellationToken cancellationToken);
}
