namespace Remediation.Core.Verdicts;

/// <summary>
/// The verdicts of one process: the twin of the Table store, so the scan stage's "scanned before?" decision can be
/// tested without storage. It keeps the table's semantics: a verdict is keyed by mailbox and message id, both compared
/// exactly (table keys are case-sensitive, and an immutable id of another case is another message), and saving a
/// message again replaces its verdict instead of failing, as the Table store's upsert does, so a retried scan that
/// reaches the save twice is harmless.
/// </summary>
public sealed class InMemoryVerdictStore : IVerdictStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string MailboxId, string MessageId), VerdictRecord> _verdicts = [];

    public Task<bool> ContainsAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_verdicts.ContainsKey((mailboxId, messageId)));
        }
    }

    public Task SaveAsync(VerdictRecord verdict, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stored = Stored(verdict);
        lock (_gate)
        {
            _verdicts[(stored.MailboxId, stored.MessageId)] = stored;
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
