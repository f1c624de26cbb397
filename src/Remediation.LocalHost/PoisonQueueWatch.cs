using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Infrastructure.Storage;

namespace Remediation.LocalHost;

/// <summary>The poison-queue timer function's local twin.</summary>
internal sealed class PoisonQueueWatch(PoisonQueueMonitor monitor, IOptions<LocalHostOptions> options, TimeProvider clock, ILogger<PoisonQueueWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PoisonCheckInterval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TimerTick.RunAsync(monitor.CheckAsync, nameof(PoisonQueueWatch), logger, stoppingToken);
        }
    }
}
