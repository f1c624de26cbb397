namespace Remediation.Core.Audit;

/// <summary>One record per copy per campaign (Table storage in production): the history and the undo log.</summary>
public interface IAuditTrail
{
    Task<AuditRecord?> FindAsync(string campaignId, string mailboxId, string messageId, CancellationToken cancellationToken);

    Task SaveAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="pending"/> unless another job holds the copy or it was dealt with: returns the record
    /// this job may act on, or null. A copy whose record failed or was held by the breaker, or stayed pending longer than
    /// <paramref name="staleAfter"/> (its job died), can be claimed again; it keeps the original folder recorded first.
    /// </summary>
    Task<AuditRecord?> TryClaimAsync(AuditRecord pending, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>
    /// Claims each record of <paramref name="pending"/> as <see cref="TryClaimAsync"/> does, in as few writes as the
    /// store allows: returns the records this job may act on. The records name distinct copies.
    /// </summary>
    Task<IReadOnlyList<AuditRecord>> TryClaimAllAsync(IReadOnlyList<AuditRecord> pending, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>Saves every record, in as few writes as the store allows. The records name distinct copies.</summary>
    Task SaveAllAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    /// <summary>The campaign's records, optionally of one mailbox only.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(string campaignId, string? mailboxId, CancellationToken cancellationToken);
}
