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
    /// Claims the message for one scan, atomically. Two requests for one message (a late notification and a resync) thus
    /// scan it once; the same claimant (a retry of one request) takes its claim again, and a claim older than
    /// <paramref name="staleAfter"/> at <paramref name="now"/> belonged to a scan that died, and is taken over.
    /// </summary>
    Task<ScanClaim> TryClaimAsync(string mailboxId, string messageId, string claimant, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>Gives up a claim that found nothing to record, so the next request scans the message; a verdict stays.</summary>
    Task ReleaseAsync(string mailboxId, string messageId, CancellationToken cancellationToken);

    /// <summary>Records the verdict, replacing the claim.</summary>
    Task SaveAsync(VerdictRecord verdict, CancellationToken cancellationToken);
}

/// <summary>What a request found when it tried to claim a message for its scan.</summary>
public enum ScanClaim
{
    /// <summary>The request scans the message.</summary>
    Taken,

    /// <summary>The message has a verdict: nothing to do.</summary>
    Scanned,

    /// <summary>Another request's scan is under way, and may yet find nothing to record (the message sat in Junk a moment ago).</summary>
    HeldByAnother,
}
