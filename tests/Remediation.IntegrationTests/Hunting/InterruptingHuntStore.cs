using Remediation.Core.Hunting;

namespace Remediation.IntegrationTests.Hunting;

/// <summary>
/// The hunt store, failing once at the worst moment: the hunt has queued a campaign and not yet written the finding
/// that says so. The queue retries the hunt from its last saved page.
/// </summary>
internal sealed class InterruptingHuntStore(IHuntStore inner, int failAtFinding) : IHuntStore
{
    private int _findings;

    public int Interruptions { get; private set; }

    public Task AddFindingAsync(string huntId, HuntFinding finding, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _findings) == failAtFinding)
        {
            Interruptions++;
            throw new InvalidOperationException("The hunt stage stopped between queuing a campaign and recording its finding.");
        }
        return inner.AddFindingAsync(huntId, finding, cancellationToken);
    }

    public Task<bool> TryCreateAsync(Hunt hunt, CancellationToken cancellationToken) => inner.TryCreateAsync(hunt, cancellationToken);

    public Task<Hunt?> FindAsync(string huntId, CancellationToken cancellationToken) => inner.FindAsync(huntId, cancellationToken);

    public Task<HuntProgress> ProgressAsync(string huntId, CancellationToken cancellationToken) => inner.ProgressAsync(huntId, cancellationToken);

    public Task SaveProgressAsync(string huntId, HuntProgress progress, CancellationToken cancellationToken) => inner.SaveProgressAsync(huntId, progress, cancellationToken);

    public Task<IReadOnlyList<HuntFinding>> FindingsAsync(string huntId, CancellationToken cancellationToken) => inner.FindingsAsync(huntId, cancellationToken);

    public Task<string?> LastSeenAsync(string name, CancellationToken cancellationToken) => inner.LastSeenAsync(name, cancellationToken);

    public Task SetLastSeenAsync(string name, string value, CancellationToken cancellationToken) => inner.SetLastSeenAsync(name, value, cancellationToken);
}
