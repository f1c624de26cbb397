namespace Remediation.Core.Intake;

/// <summary>
/// Remembers keys for at least one window (and at most two) in two rotating generations: bounded memory, O(1)
/// per key. Graph repeats notifications; this keeps a repeat inside the window from costing a second scan request.
/// </summary>
internal sealed class DuplicateFilter(TimeSpan window, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private HashSet<string> _current = new(StringComparer.Ordinal);
    private HashSet<string> _previous = new(StringComparer.Ordinal);
    private DateTimeOffset _rotatedAt = clock.GetUtcNow();

    /// <summary>True the first time a key is seen in the window; false for a repeat.</summary>
    public bool TryAdd(string key)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _rotatedAt >= window)
            {
                _previous = now - _rotatedAt >= window * 2 ? new(StringComparer.Ordinal) : _current;
                _current = new(StringComparer.Ordinal);
                _rotatedAt = now;
            }
            return !_previous.Contains(key) && _current.Add(key);
        }
    }

    /// <summary>Forgets a key, so its next arrival counts as new (the first one could not be handled).</summary>
    public void Remove(string key)
    {
        lock (_gate)
        {
            _current.Remove(key);
            _previous.Remove(key);
        }
    }
}
