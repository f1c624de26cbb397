namespace Remediation.Core.Verdicts;

/// <summary>
/// The verdicts of one process: the twin of the Table store, so the scan stage's "scanned before?" decision can be
/// tested without storage. It keeps the table's semantics: a verdict is keyed by mailbox and message id, both compared
/// exactly (table keys are case-sensitive, and an immutable id of another case is another message), and saving a
/// message again replaces its verdict instead of failing, as the Table store's upsert does, so a retried scan that
/// reaches the save twice is harmless. A claim is the row a scan writes first, as the Table store keeps it.
/// </summary>
public sealed class InMemoryVerdictStore : IVerdictStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string MailboxId, string MessageId), VerdictRecord> _verdicts = [];
    private readonly Dictionary<(string MailboxId, string MessageId), (string Claimant, DateTimeOffset At)> _claims = [];

    public Task<bool> ContainsAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_verdicts.ContainsKey((mailboxId, messageId)));
        }
    }

    public Task<ScanClaim> TryClaimAsync(string mailboxId, string messageId, string claimant, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var key = (mailboxId, messageId);
            if (_verdicts.ContainsKey(key)) return Task.FromResult(ScanClaim.Scanned);
            if (_claims.TryGetValue(key, out var claim) && claim.Claimant != claimant && now - claim.At <= staleAfter) return Task.FromResult(ScanClaim.HeldByAnother);
            _claims[key] = (claimant, now);
            return Task.FromResult(ScanClaim.Taken);
        }
    }

    public Task ReleaseAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _claims.Remove((mailboxId, messageId));
        }
        return Task.CompletedTask;
    }

    public Task SaveAsync(VerdictRecord verdict, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stored = Stored(verdict);
        lock (_gate)
        {
            _verdicts[(stored.MailboxId, stored.MessageId)] = stored;
            _claims.Remove((stored.MailboxId, stored.MessageId));
        }
        return Task.CompletedTask;
    }

    /// <summary>The verdict saved for the message, as its row holds it, or null when none was.</summary>
    public VerdictRecord? Find(string mailboxId, string messageId)
    {
        lock (_gate)
        {
            return _verdicts.GetValueOrDefault((mailboxId, messageId));
        }
    }

    // What the table's columns keep of a verdict: the rules as one comma-joined column, the time in UTC.
    private static VerdictRecord Stored(VerdictRecord verdict) => verdict with
    {
        Rules = string.Join(',', verdict.Rules).Split(',', StringSplitOptions.RemoveEmptyEntries),
        ScannedAt = verdict.ScannedAt.ToUniversalTime(),
    };
}
