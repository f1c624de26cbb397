namespace Remediation.Core.Telemetry;

/// <summary>Custom events for Application Insights; names and properties come from <see cref="PipelineEvents"/>.</summary>
public interface IPipelineTelemetry
{
    void Emit(string eventName, IReadOnlyDictionary<string, string> properties);
}
