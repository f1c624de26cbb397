namespace Remediation.Core.Verdicts;

/// <summary>
/// Every message the pipeline has scanned, by mailbox and immutable id: a repeated notification, a retried queue
/// message or a resync finds the message here and is not scanned again.
/// </summary>
public interface IVerdictStore
{
    /// <summary>Whether the message has a verdict (a claim alone is not one).</summary>
    Task<bool> ContainsAsync(string mailboxId, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the message for one scan, atomically: false when it has a verdict, or another claimant claimed it less
    /// than <paramref name="staleAfter"/> before <paramref name="now"/>. Two requests for one message (a late
    /// notification and a resync) thus scan it once; the same claimant (a retry of one request) takes its claim again,
    /// and a claim older than that belonged to a scan that died, and is taken over.
    /// </summary>
    Task<bool> TryClaimAsync(string mailboxId, string messageId, string claimant, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>Gives up a claim that found nothing to record, so the next request scans the message; a verdict stays.</summary>
    Task ReleaseAsync(string mailboxId, string messageId, CancellationToken cancellationToken);

    /// <summary>Records the verdict, replacing the claim.</summary>
    Task SaveAsync(VerdictRecord verdict, CancellationToken cancellationToken);
}
