namespace Remediation.Core.Intake;

/// <summary>One entry of a Graph change notification POST, with only the fields the pipeline reads.</summary>
/// <param name="Version">
/// The message's version (<c>resourceData</c>'s <c>@odata.etag</c>): Graph's repeat of a notification carries the same,
/// a message moved into the folder again (out of Junk) a new one.
/// </param>
public sealed record ChangeNotification(
    string? SubscriptionId,
    string? ClientState,
    string? TenantId,
    string? ChangeType,
    string? MailboxId,
    string? MessageId,
    string? LifecycleEvent = null,
    string? Version = null);
