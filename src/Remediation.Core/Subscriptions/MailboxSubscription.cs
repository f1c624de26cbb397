namespace Remediation.Core.Subscriptions;

/// <summary>The live subscription the pipeline holds on one mailbox.</summary>
public sealed record MailboxSubscription(string MailboxId, string SubscriptionId, DateTimeOffset ExpiresAt)
{
    /// <summary>What every subscription asks Graph for: new messages. Other change types are not the pipeline's.</summary>
    public const string ChangeType = "created";
}
