namespace Remediation.Core.Queues;

/// <summary>One message to scan, as announced by a change notification.</summary>
/// <param name="MailboxId">The user id (or principal name) of the mailbox holding the message.</param>
/// <param name="MessageId">The message's immutable id in that mailbox.</param>
/// <param name="SubscriptionId">The subscription that announced it, when it came from a notification.</param>
public sealed record ScanRequest(string MailboxId, string MessageId, string? SubscriptionId, DateTimeOffset NotifiedAt);
