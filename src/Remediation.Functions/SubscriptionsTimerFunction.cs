using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Subscriptions;

namespace Remediation.Functions;

/// <summary>Every 30 minutes: every mailbox in scope has a live subscription, renewed well before it expires.</summary>
public sealed class SubscriptionsTimerFunction(SubscriptionKeeper keeper)
{
    [Function("Subscriptions")]
    public Task RunAsync([TimerTrigger("0 */30 * * * *", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        keeper.RunAsync(cancellationToken);
}
