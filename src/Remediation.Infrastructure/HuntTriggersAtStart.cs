using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Remediation.Core.Hunting;

namespace Remediation.Infrastructure;

/// <summary>
/// Looks for what the tenant learned since the last start (new block list entries, a new engine) when the app starts
/// with its new configuration, in both hosts. A failure is logged and leaves the triggers' record unchanged, so the
/// next start tries again; the app itself starts either way.
/// </summary>
public sealed partial class HuntTriggersAtStart(HuntTriggers triggers, ILogger<HuntTriggersAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await triggers.StartDueAsync(cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(error);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The hunt triggers could not be checked; the next start checks again")]
    private partial void LogFailed(Exception exception);
}
