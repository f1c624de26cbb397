namespace Remediation.Core.Remediation;

public enum RemediationAction
{
    /// <summary>Move every copy to a hidden quarantine folder of the mailbox (the user does not see it).</summary>
    Quarantine,

    /// <summary>Move every copy to the mailbox's Junk Email folder.</summary>
    MoveToJunk,

    /// <summary>Delete every copy the recoverable way (it stays in Recoverable Items).</summary>
    SoftDelete,
}
