using Microsoft.Azure.Functions.Worker;
using Remediation.Infrastructure.Storage;

namespace Remediation.Functions;

/// <summary>Every 5 minutes: raise the poison alert while messages wait in a poison queue.</summary>
public sealed class PoisonQueuesTimerFunction(PoisonQueueMonitor monitor)
{
    [Function("PoisonQueues")]
    public Task RunAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        monitor.CheckAsync(cancellationToken);
}
