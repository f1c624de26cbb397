namespace Remediation.Core.Intake;

/// <summary>One entry of a Graph change notification POST, with only the fields the pipeline reads.</summary>
public sealed record ChangeNotification(
    string? SubscriptionId,
    string? ClientState,
    string? TenantId,
    string? ChangeType,
    string? MailboxId,
    string? MessageId,
    string? LifecycleEvent = null);
