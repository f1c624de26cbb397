namespace Remediation.Core.Hunting;

/// <summary>Hunts, their progress and findings, and what the triggers saw last.</summary>
public interface IHuntStore
{
    /// <summary>Creates the hunt unless one with its id exists; false when it did.</summary>
    Task<bool> TryCreateAsync(Hunt hunt, CancellationToken cancellationToken);

    Task<Hunt?> FindAsync(string huntId, CancellationToken cancellationToken);

    Task<HuntProgress> ProgressAsync(string huntId, CancellationToken cancellationToken);

    Task SaveProgressAsync(string huntId, HuntProgress progress, CancellationToken cancellationToken);

    Task<IReadOnlyList<HuntFinding>> FindingsAsync(string huntId, CancellationToken cancellationToken);

    Task AddFindingAsync(string huntId, HuntFinding finding, CancellationToken cancellationToken);

    /// <summary>What a trigger recorded under this name when it last looked (a list of indicators, an engine version), or null.</summary>
    Task<string?> LastSeenAsync(string name, CancellationToken cancellationToken);

    Task SetLastSeenAsync(string name, string value, CancellationToken cancellationToken);
}
