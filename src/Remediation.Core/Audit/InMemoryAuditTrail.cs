namespace Remediation.Core.Audit;

/// <summary>
/// The audit trail of one process: the twin of the Table store for tests of a stage's decisions. It keeps the table's
/// semantics: keys compare exactly, a mailbox filter ignores case, rules come back as the comma-joined column gives
/// them, and a claim is atomic, so of racing jobs only one acts on a copy.
/// </summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Campaign, string Mailbox, string Message), AuditRecord> _records = [];

    public Task<AuditRecord?> FindAsync(string campaignId, string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_records.GetValueOrDefault((campaignId, mailboxId, messageId)));
        }
    }

    public Task SaveAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stored = Stored(record);
        lock (_gate)
        {
            _records[KeyOf(stored)] = stored;
        }
        return Task.CompletedTask;
    }

    // Staleness is judged on the records' own times, as the Table store does: the claim's At against the holder's.
    public Task<AuditRecord?> TryClaimAsync(AuditRecord pending, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stored = Stored(pending);
        lock (_gate)
        {
            if (!_records.TryGetValue(KeyOf(stored), out var current))
            {
                _records[KeyOf(stored)] = stored;
                return Task.FromResult<AuditRecord?>(pending);
            }
            var claimable = current.Outcome is AuditOutcome.Failed or AuditOutcome.HeldByBreaker
                || (current.Outcome == AuditOutcome.Pending && pending.At - current.At > staleAfter);
            if (!claimable) return Task.FromResult<AuditRecord?>(null);
            var claim = pending with { OriginalFolderId = current.OriginalFolderId ?? pending.OriginalFolderId };
            _records[KeyOf(stored)] = Stored(claim);
            return Task.FromResult<AuditRecord?>(claim);
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> TryClaimAllAsync(IReadOnlyList<AuditRecord> pending, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        List<AuditRecord> claims = [];
        foreach (var record in pending)
        {
            if (await TryClaimAsync(record, staleAfter, cancellationToken) is { } claim) claims.Add(claim);
        }
        return claims;
    }

    public async Task SaveAllAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records) await SaveAsync(record, cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> ListAsync(string campaignId, string? mailboxId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<AuditRecord> records =
            [
                .. _records.Values.Where(r => r.CampaignId == campaignId
                    && (mailboxId is null || string.Equals(r.MailboxId, mailboxId, StringComparison.OrdinalIgnoreCase))),
            ];
            return Task.FromResult(records);
        }
    }

    private static (string, string, string) KeyOf(AuditRecord record) => (record.CampaignId, record.MailboxId, record.MessageId);

    // What a round trip through the table's columns leaves of a record: rules joined by commas, the time in UTC.
    private static AuditRecord Stored(AuditRecord record) => record with
    {
        Rules = string.Join(',', record.Rules).Split(',', StringSplitOptions.RemoveEmptyEntries),
        At = record.At.ToUniversalTime(),
    };
}
