using Microsoft.Azure.Functions.Worker;
using Remediation.Infrastructure.Storage;
using Remediation.Infrastructure;

namespace Remediation.Functions;

/// <summary>Every 5 minutes: raise the poison alert while messages wait in a poison queue.</summary>
public sealed class PoisonQueuesTimerFunction(PoisonQueueMonitor monitor)
{
    [Function("PoisonQueues")]
    public Task RunAsync([TimerTrigger(PipelineEndpoints.PoisonQueuesSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        monitor.CheckAsync(cancellationToken);
}
