namespace Remediation.Core.Remediation;

public enum RemediationAction
{
    /// <summary>Record what would be done and touch nothing (for a new deployment).</summary>
    ReportOnly,

    /// <summary>Move every copy to the mailbox's Junk Email folder.</summary>
    MoveToJunk,
}
