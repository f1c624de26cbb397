using Microsoft.Extensions.Logging;
using Remediation.Core.Telemetry;

namespace Remediation.Infrastructure;

/// <summary>Pipeline events as structured log lines, where Application Insights is not wired (the local host).</summary>
public sealed partial class LoggingPipelineTelemetry(ILogger<LoggingPipelineTelemetry> logger) : IPipelineTelemetry
{
    public void Emit(PipelineEvent pipelineEvent)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        var properties = pipelineEvent.Properties();
        using (logger.BeginScope(properties))
        {
            LogEvent(pipelineEvent.Name, string.Join(", ", properties.Select(p => $"{p.Key}={p.Value}")));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventName}: {Properties}")]
    private partial void LogEvent(string eventName, string properties);
}
