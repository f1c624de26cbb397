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
                    await RecreateUnlessReplacedAsync(subscriptionEvent, mailboxId, cancellationToken);
                }
                break;
            case SubscriptionEventKind.SubscriptionRemoved:
                await RecreateUnlessReplacedAsync(subscriptionEvent, mailboxId, cancellationToken);
                break;
            case SubscriptionEventKind.Missed:
            case SubscriptionEventKind.Resync:
                await resync.ResyncAsync(mailboxId, cancellationToken);
                break;
        }
    }

    // Queues deliver at least once and Graph retries lifecycle notifications, so an event can come back after its
    // subscription was replaced: recreating again would leave the mailbox a second live subscription.
    private async Task RecreateUnlessReplacedAsync(SubscriptionEvent subscriptionEvent, string mailboxId, CancellationToken cancellationToken)
    {
        var current = await registry.FindByMailboxAsync(mailboxId, cancellationToken);
        if (subscriptionEvent.SubscriptionId is { } named && current is not null && !string.Equals(current.SubscriptionId, named, StringComparison.Ordinal))
        {
            LogAlreadyReplaced(named, subscriptionEvent.Kind, mailboxId);
            return;
        }
        await keeper.RecreateAsync(mailboxId, cancellationToken);
    }

    private async Task<string?> MailboxOfAsync(string? subscriptionId, CancellationToken cancellationToken) =>
        subscriptionId is null ? null : (await registry.FindBySubscriptionAsync(subscriptionId, cancellationToken))?.MailboxId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lifecycle event {Kind} for unknown subscription {SubscriptionId} ignored")]
    private partial void LogUnknownSubscription(string? subscriptionId, SubscriptionEventKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lifecycle event {Kind} for subscription {SubscriptionId} ignored: mailbox {MailboxId} has a newer one")]
    private partial void LogAlreadyReplaced(string subscriptionId, SubscriptionEventKind kind, string mailboxId);
}
