using System.Diagnostics;
using Remediation.Core.Telemetry;

namespace Remediation.Showcase;

/// <summary>One pipeline event as <see cref="PipelineEventRecorder"/> kept it.</summary>
/// <param name="Timestamp">When it was emitted, as a <see cref="Stopwatch"/> timestamp.</param>
internal sealed record RecordedEvent(PipelineEvent Event, long Timestamp);
