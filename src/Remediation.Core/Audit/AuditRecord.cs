namespace Remediation.Core.Audit;

public enum AuditOutcome
{
    /// <summary>About to act: the original folder is recorded before the copy moves.</summary>
    Pending,
    Remediated,
    ReportOnly,
    Gone,
    Failed,
    Restored,

    /// <summary>Found by the campaign's Message-ID but with other content: left where it was.</summary>
    ContentMismatch,

    /// <summary>Not moved: the hourly cap on unapproved moves was reached. Claimed again once the SOC approves the campaign.</summary>
    HeldByBreaker,
}

/// <summary>What the pipeline did to one copy, with what it needs to undo it.</summary>
/// <param name="Action">Quarantine, MoveToJunk, SoftDelete, or ReportOnly.</param>
/// <param name="OriginalFolderId">Where the copy was before the pipeline touched it: where a restore puts it back.</param>
/// <param name="Actor">Who made the change when a person did (the SOC analyst who restored it); null for the pipeline.</param>
public sealed record AuditRecord(
    string CampaignId,
    string MailboxId,
    string MessageId,
    string Action,
    string? OriginalFolderId,
    AuditOutcome Outcome,
    IReadOnlyList<string> Rules,
    DateTimeOffset At,
    string? Detail = null,
    string? Actor = null);
