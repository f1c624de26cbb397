using Microsoft.Extensions.Logging;
using Remediation.Core.Telemetry;

namespace Remediation.Infrastructure;

/// <summary>Pipeline events as structured log lines, where Application Insights is not wired (the local host).</summary>
public sealed partial class LoggingPipelineTelemetry(ILogger<LoggingPipelineTelemetry> logger) : IPipelineTelemetry
{
    public void Emit(string eventName, IReadOnlyDictionary<string, string> properties)
    {
        using (logger.BeginScope(properties))
        {
            LogEvent(eventName, string.Join(", ", properties.Select(p => $"{p.Key}={p.Value}")));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventName}: {Properties}")]
    private partial void LogEvent(string eventName, string properties);
}
