using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Subscriptions;
using Remediation.Infrastructure;

namespace Remediation.Functions;

/// <summary>Every 30 minutes: every mailbox in scope has a live subscription, renewed well before it expires.</summary>
public sealed class SubscriptionsTimerFunction(SubscriptionKeeper keeper)
{
    [Function("Subscriptions")]
    public Task RunAsync([TimerTrigger(PipelineEndpoints.SubscriptionsSchedule, RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        keeper.RunAsync(cancellationToken);
}
