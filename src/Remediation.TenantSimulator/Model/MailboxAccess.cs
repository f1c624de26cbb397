namespace Remediation.TenantSimulator;

/// <summary>What Graph lets the app do with a user's mailbox.</summary>
public enum MailboxAccess
{
    Enabled,

    /// <summary>A guest, an unlicensed user or one without an Exchange mailbox: <c>MailboxNotEnabledForRESTAPI</c>.</summary>
    NotEnabled,

    /// <summary>A mailbox outside the app's Exchange RBAC management scope: 403.</summary>
    OutOfScope,
}
