namespace Remediation.TenantSimulator;

/// <summary>
/// The mail-enabled kinds of group (https://learn.microsoft.com/graph/api/resources/groups-overview, "Group types in
/// Microsoft Entra ID and Microsoft Graph"): how Graph shows <c>groupTypes</c>, <c>mailEnabled</c> and <c>securityEnabled</c>.
/// </summary>
public enum GroupKind
{
    /// <summary>A distribution list: mail-enabled, not security-enabled, no group types; may nest other groups.</summary>
    DistributionList,

    /// <summary>A Microsoft 365 group: <c>groupTypes</c> <c>["Unified"]</c>; its members are users only.</summary>
    Microsoft365,

    /// <summary>A mail-enabled security group: mail- and security-enabled; may nest other groups.</summary>
    MailEnabledSecurity,
}
