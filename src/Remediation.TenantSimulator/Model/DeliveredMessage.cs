namespace Remediation.TenantSimulator;

/// <summary>One stored copy of a message: the mailbox it landed in and its ids there.</summary>
public sealed record DeliveredMessage(string MailboxId, string MessageId, string ImmutableId, string InternetMessageId);
