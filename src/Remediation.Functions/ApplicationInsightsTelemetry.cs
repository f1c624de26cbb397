using Microsoft.ApplicationInsights;
using Remediation.Core.Telemetry;

namespace Remediation.Functions;

/// <summary>Pipeline events as Application Insights custom events (table <c>AppEvents</c>), which the alert rules query.</summary>
internal sealed class ApplicationInsightsTelemetry(TelemetryClient client) : IPipelineTelemetry
{
    public void Emit(PipelineEvent pipelineEvent) =>
        client.TrackEvent(pipelineEvent.Name, pipelineEvent.Properties().ToDictionary());
}
