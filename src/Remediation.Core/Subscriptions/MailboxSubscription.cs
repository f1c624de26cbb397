namespace Remediation.Core.Subscriptions;

/// <summary>The live subscription the pipeline holds on one mailbox.</summary>
public sealed record MailboxSubscription(string MailboxId, string SubscriptionId, DateTimeOffset ExpiresAt);
