namespace Remediation.Core.Queues;

public enum SubscriptionEventKind
{
    /// <summary>Graph asks for the subscription to be reauthorized (or renewed).</summary>
    ReauthorizationRequired,

    /// <summary>Graph removed the subscription: create a new one, then catch up.</summary>
    SubscriptionRemoved,

    /// <summary>Graph could not deliver some notifications: catch up with delta.</summary>
    Missed,

    /// <summary>Catch up with delta (after a recreation or on demand).</summary>
    Resync,
}

/// <summary>Work for the subscription stage: from a lifecycle notification, or from the keeper itself.</summary>
/// <param name="MailboxId">The mailbox, when known (lifecycle notifications name only the subscription).</param>
public sealed record SubscriptionEvent(string? MailboxId, string? SubscriptionId, SubscriptionEventKind Kind);
