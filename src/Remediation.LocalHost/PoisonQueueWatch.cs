using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Infrastructure.Storage;

namespace Remediation.LocalHost;

/// <summary>The poison-queue timer function's local twin.</summary>
internal sealed class PoisonQueueWatch(PoisonQueueMonitor monitor, IOptions<LocalHostOptions> options, TimeProvider clock, ILogger<PoisonQueueWatch> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        TimerTick.EveryAsync(options.Value.PoisonCheckInterval, clock, monitor.CheckAsync, nameof(PoisonQueueWatch), logger, stoppingToken);
}
