using System.Collections.Concurrent;

namespace Remediation.Infrastructure.Graph;

/// <summary>
/// The directory's answers, kept for <see cref="Lifetime"/> and then asked again. An instance can live for days while
/// the directory changes under it: a member joins a list, a user gains an alias or a new primary address, a user named
/// in the settings is created. Expired answers are dropped once as many answers were kept as the store held after the
/// last sweep, so recipient addresses a sender invents cannot grow it without bound.
/// </summary>
internal sealed class DirectoryAnswers<TValue>(TimeProvider clock)
{
    /// <summary>How long an answer serves: a campaign's jobs share its lookups, and a change reaches the next hour's mail.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const int FirstSweepAfter = 1_024;

    private readonly ConcurrentDictionary<string, (TValue Value, DateTimeOffset Until)> _answers = new(StringComparer.OrdinalIgnoreCase);
    private int _keptSinceSweep;
    private int _sweepAfter = FirstSweepAfter;

    public bool TryGet(string key, out TValue value)
    {
        if (_answers.TryGetValue(key, out var answer) && clock.GetUtcNow() < answer.Until)
        {
            value = answer.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <returns>The value kept.</returns>
    public TValue Keep(string key, TValue value)
    {
        var now = clock.GetUtcNow();
        _answers[key] = (value, now + Lifetime);
        // Counted apart: a concurrent dictionary's Count takes every lock it has.
        if (Interlocked.Increment(ref _keptSinceSweep) >= Volatile.Read(ref _sweepAfter)) Sweep(now);
        return value;
    }

    /// <summary>How many answers are held, expired or not.</summary>
    public int Count => _answers.Count;

    private void Sweep(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _keptSinceSweep, 0);
        foreach (var (key, answer) in _answers)
        {
            if (answer.Until <= now) _answers.TryRemove(new KeyValuePair<string, (TValue, DateTimeOffset)>(key, answer));
        }
        Volatile.Write(ref _sweepAfter, Math.Max(FirstSweepAfter, _answers.Count));
    }
}
