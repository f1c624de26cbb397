using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Subscriptions;
using Remediation.Infrastructure;

namespace Remediation.Functions;

/// <summary>
/// On <c>Subscriptions__ReconcileSchedule</c> (every 6 hours by default): resync every registered mailbox, since Graph
/// can drop notifications without a lifecycle event. Not on startup: every scale-out would start another run.
/// </summary>
public sealed class ReconciliationTimerFunction(MailboxReconciliation reconciliation)
{
    [Function("Reconciliation")]
    public Task RunAsync([TimerTrigger(PipelineEndpoints.ReconciliationSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        reconciliation.RunAsync(cancellationToken);
}
