namespace Remediation.Core.Telemetry;

/// <summary>Custom events for Application Insights: one record per event (<see cref="PipelineEvent"/>).</summary>
public interface IPipelineTelemetry
{
    void Emit(PipelineEvent pipelineEvent);
}
