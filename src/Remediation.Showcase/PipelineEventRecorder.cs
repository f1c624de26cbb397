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

    public void Emit(string eventName, IReadOnlyDictionary<string, string> properties) =>
        _events.GetOrAdd(eventName, _ => new ConcurrentQueue<RecordedEvent>()).Enqueue(new RecordedEvent(properties, Stopwatch.GetTimestamp()));

    public int Count(string eventName) => _events.TryGetValue(eventName, out var events) ? events.Count : 0;

    public IReadOnlyList<RecordedEvent> Events(string eventName) => _events.TryGetValue(eventName, out var events) ? [.. events] : [];

    /// <summary>When each copy, by its message id, was first remediated, as a <see cref="Stopwatch"/> timestamp.</summary>
    public Dictionary<string, long> RemediationTimes() =>
        Events(PipelineEvents.MessageRemediated)
            .GroupBy(e => e[PipelineEventProperties.MessageId], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(e => e.Timestamp), StringComparer.Ordinal);
}
