using System.Collections.Concurrent;
using Microsoft.ApplicationInsights.Channel;

namespace Remediation.IntegrationTests.Telemetry;

/// <summary>An Application Insights channel that keeps what it is sent, where the real one would upload it.</summary>
internal sealed class CapturingChannel : ITelemetryChannel
{
    public ConcurrentQueue<ITelemetry> Sent { get; } = new();

    public bool? DeveloperMode { get; set; }

    public string EndpointAddress { get; set; } = "";

    public void Send(ITelemetry item) => Sent.Enqueue(item);

    public void Flush()
    {
    }

    public void Dispose()
    {
    }
}
