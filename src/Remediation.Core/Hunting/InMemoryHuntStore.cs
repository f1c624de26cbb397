using System.Security.Cryptography;
using System.Text;

namespace Remediation.Core.Hunting;

/// <summary>
/// The hunts of one process: the twin of the Table store, so the hunt stage's decisions can be tested without storage.
/// It keeps the table's semantics: ids and names compare exactly, a hunt is created once, progress can only be saved
/// for a hunt that exists and a completed hunt stays completed, a finding replaces the one with the same key, findings
/// come back in the table's row order (whatever order they were added in), and times and rules come back as the
/// table's columns give them.
/// </summary>
public sealed class InMemoryHuntStore : IHuntStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Hunt Hunt, HuntProgress Progress)> _hunts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, HuntFinding>> _findings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastSeen = new(StringComparer.Ordinal);

    public Task<bool> TryCreateAsync(Hunt hunt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_hunts.TryAdd(hunt.Id, (Stored(hunt), HuntProgress.NotStarted)));
    }

    public Task<Hunt?> FindAsync(string huntId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_hunts.TryGetValue(huntId, out var found) ? found.Hunt : null);
    }

    public Task<HuntProgress> ProgressAsync(string huntId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_hunts.TryGetValue(huntId, out var found) ? found.Progress : HuntProgress.NotStarted);
    }

    // The Table store merges progress into the hunt's own row, which must exist: progress of a hunt never created is an
    // error there too. An empty continuation reads back as none, and a completion time, once written, stays.
    public Task SaveProgressAsync(string huntId, HuntProgress progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_hunts.TryGetValue(huntId, out var found)) throw new KeyNotFoundException($"Hunt {huntId} is not in the hunt store.");
            _hunts[huntId] = (found.Hunt, progress with
            {
                Continuation = string.IsNullOrEmpty(progress.Continuation) ? null : progress.Continuation,
                CompletedAt = progress.CompletedAt?.ToUniversalTime() ?? found.Progress.CompletedAt,
            });
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HuntFinding>> FindingsAsync(string huntId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<HuntFinding> findings = _findings.TryGetValue(huntId, out var rows) ? [.. rows.Values] : [];
            return Task.FromResult(findings);
        }
    }

    // As in the table, a finding is filed under the hunt's id whether or not the hunt itself was created, and under
    // the SHA-256 of its key, which is what orders the rows a query returns.
    public Task AddFindingAsync(string huntId, HuntFinding finding, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stored = finding with { Rules = string.Join(',', finding.Rules).Split(',', StringSplitOptions.RemoveEmptyEntries) };
        lock (_gate)
        {
            if (!_findings.TryGetValue(huntId, out var rows)) _findings[huntId] = rows = new(StringComparer.Ordinal);
            rows[RowKey(finding.Key)] = stored;
        }
        return Task.CompletedTask;
    }

    public Task<string?> LastSeenAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_lastSeen.GetValueOrDefault(name));
    }

    public Task SetLastSeenAsync(string name, string value, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) _lastSeen[name] = value;
        return Task.CompletedTask;
    }

    // What a round trip through the table's columns leaves of a hunt: its times in UTC.
    private static Hunt Stored(Hunt hunt) => hunt with { Since = hunt.Since.ToUniversalTime(), RequestedAt = hunt.RequestedAt.ToUniversalTime() };

    private static string RowKey(string findingKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(findingKey)));
}
