using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Subscriptions;

namespace Remediation.LocalHost;

/// <summary>The reconciliation timer function's local twin: resyncs every registered mailbox, on an interval.</summary>
internal sealed class ReconciliationTimer(
    MailboxReconciliation reconciliation, IOptions<LocalHostOptions> options, TimeProvider clock, ILogger<ReconciliationTimer> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        TimerTick.EveryAsync(options.Value.ReconcileInterval, clock, reconciliation.RunAsync, nameof(ReconciliationTimer), logger, stoppingToken);
}
