namespace Remediation.Core.Subscriptions;

/// <summary>What one reconciliation run did across the tenant.</summary>
/// <param name="Failed">Mailboxes whose resync failed; the next run tries them again.</param>
public sealed record ReconciliationReport(int Mailboxes, int Folders, int Queued, int Failed)
{
    /// <param name="results">One per mailbox; null for a mailbox whose resync failed.</param>
    public static ReconciliationReport From(IReadOnlyCollection<ResyncResult?> results)
    {
        var done = results.OfType<ResyncResult>().ToList();
        return new ReconciliationReport(done.Count, done.Sum(r => r.Folders), done.Sum(r => r.Queued), results.Count - done.Count);
    }
}
