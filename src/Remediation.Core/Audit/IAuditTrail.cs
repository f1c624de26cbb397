namespace Remediation.Core.Audit;

/// <summary>One record per copy per campaign (Table storage in production): the history and the undo log.</summary>
public interface IAuditTrail
{
    Task<AuditRecord?> FindAsync(string campaignId, string mailboxId, string messageId, CancellationToken cancellationToken);

    Task SaveAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The campaign's records, optionally of one mailbox only.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(string campaignId, string? mailboxId, CancellationToken cancellationToken);
}
