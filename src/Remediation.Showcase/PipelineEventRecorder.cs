using System.Collections.Concurrent;
using System.Diagnostics;
using Remediation.Core.Telemetry;

namespace Remediation.Showcase;

/// <summary>
/// Keeps the pipeline's events in memory, where Application Insights would receive them, each with the moment it
/// was emitted: the live view counts them and the summary times remediations with them.
/// </summary>
internal sealed class PipelineEventRecorder : IPipelineTelemetry
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedEvent>> _events = new(StringComparer.Ordinal);

    public void Emit(PipelineEvent pipelineEvent) =>
        _events.GetOrAdd(pipelineEvent.Name, _ => new ConcurrentQueue<RecordedEvent>()).Enqueue(new RecordedEvent(pipelineEvent, Stopwatch.GetTimestamp()));

    public int Count(string eventName) => _events.TryGetValue(eventName, out var events) ? events.Count : 0;

    /// <summary>The events of exactly this kind: a suspicious message is not also counted as merely scanned.</summary>
    public IReadOnlyList<T> Events<T>() where T : PipelineEvent => [.. Recorded<T>().Select(e => (T)e.Event)];

    /// <summary>When each copy, by its message id, was first remediated, as a <see cref="Stopwatch"/> timestamp.</summary>
    public Dictionary<string, long> RemediationTimes() =>
        Recorded<MessageRemediated>()
            .GroupBy(e => ((MessageRemediated)e.Event).MessageId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(e => e.Timestamp), StringComparer.Ordinal);

    private IEnumerable<RecordedEvent> Recorded<T>() where T : PipelineEvent =>
        _events.TryGetValue(typeof(T).Name, out var events) ? events : [];
}
