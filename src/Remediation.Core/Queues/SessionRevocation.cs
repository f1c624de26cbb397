namespace Remediation.Core.Queues;

/// <summary>Revoke the sign-in sessions of a mailbox's user, for the compromise incident opened at <paramref name="IncidentOpenedAt"/>.</summary>
public sealed record SessionRevocation(string MailboxId, DateTimeOffset IncidentOpenedAt);
