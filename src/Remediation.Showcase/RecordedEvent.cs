using System.Diagnostics;

namespace Remediation.Showcase;

/// <summary>One pipeline event as <see cref="PipelineEventRecorder"/> kept it.</summary>
/// <param name="Timestamp">When it was emitted, as a <see cref="Stopwatch"/> timestamp.</param>
internal sealed record RecordedEvent(IReadOnlyDictionary<string, string> Properties, long Timestamp)
{
    public string this[string property] => Properties.TryGetValue(property, out var value) ? value : "";
}
