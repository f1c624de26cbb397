namespace Remediation.Core.Verdicts;

/// <summary>
/// Every message the pipeline has scanned, by mailbox and immutable id: a repeated notification, a retried queue
/// message or a resync finds the message here and is not scanned again.
/// </summary>
public interface IVerdictStore
{
    Task<bool> ContainsAsync(string mailboxId, string messageId, CancellationToken cancellationToken);

    Task SaveAsync(VerdictRecord verdict, CancellationToken cancellationToken);
}
