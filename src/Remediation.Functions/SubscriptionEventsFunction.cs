using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Queues;
using Remediation.Core.Subscriptions;

namespace Remediation.Functions;

public sealed class SubscriptionEventsFunction(SubscriptionEventHandler handler)
{
    [Function("SubscriptionEvents")]
    public Task RunAsync([QueueTrigger(WorkQueueNames.SubscriptionEvents)] SubscriptionEvent subscriptionEvent, CancellationToken cancellationToken) =>
        handler.HandleAsync(subscriptionEvent, cancellationToken);
}
