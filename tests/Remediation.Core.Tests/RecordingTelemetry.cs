using System.Collections.Concurrent;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Tests;

/// <summary>Keeps the events a stage emits, where Application Insights would receive them.</summary>
internal sealed class RecordingTelemetry : IPipelineTelemetry
{
    private readonly ConcurrentQueue<(string Name, IReadOnlyDictionary<string, string> Properties)> _events = new();

    // Kept as Application Insights stores them, so tests read the names and values the alert rules query.
    public void Emit(PipelineEvent pipelineEvent) => _events.Enqueue((pipelineEvent.Name, pipelineEvent.Properties()));

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Events(string name) =>
        [.. _events.Where(e => e.Name == name).Select(e => e.Properties)];
}
