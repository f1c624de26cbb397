using Microsoft.Extensions.Logging;
using Remediation.Core.Queues;

namespace Remediation.Core.Subscriptions;

/// <summary>The queue stage behind the lifecycle webhook: reauthorize, recreate, resync.</summary>
public sealed partial class SubscriptionEventHandler(
    ISubscriptionGateway graph,
    ISubscriptionRegistry registry,
    SubscriptionKeeper keeper,
    MailboxResync resync,
    ILogger<SubscriptionEventHandler> logger)
{
    public async Task HandleAsync(SubscriptionEvent subscriptionEvent, CancellationToken cancellationToken)
    {
        var mailboxId = subscriptionEvent.MailboxId ?? await MailboxOfAsync(subscriptionEvent.SubscriptionId, cancellationToken);
        if (mailboxId is null)
        {
            // Not one of ours (or long replaced): nothing to keep alive.
            LogUnknownSubscription(subscriptionEvent.SubscriptionId, subscriptionEvent.Kind);
            return;
        }

        switch (subscriptionEvent.Kind)
        {
            case SubscriptionEventKind.ReauthorizationRequired:
                if (!await graph.ReauthorizeAsync(subscriptionEvent.SubscriptionId!, cancellationToken))
                {
                    await keeper.RecreateAsync(mailboxId, cancellationToken);
                }
                break;
            case SubscriptionEventKind.SubscriptionRemoved:
                await keeper.RecreateAsync(mailboxId, cancellationToken);
                break;
            case SubscriptionEventKind.Missed:
            case SubscriptionEventKind.Resync:
                await resync.ResyncAsync(mailboxId, cancellationToken);
                break;
        }
    }

    private async Task<string?> MailboxOfAsync(string? subscriptionId, CancellationToken cancellationToken) =>
        subscriptionId is null ? null : (await registry.FindBySubscriptionAsync(subscriptionId, cancellationToken))?.MailboxId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lifecycle event {Kind} for unknown subscription {SubscriptionId} ignored")]
    private partial void LogUnknownSubscription(string? subscriptionId, SubscriptionEventKind kind);
}
