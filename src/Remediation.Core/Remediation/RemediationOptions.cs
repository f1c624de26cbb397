namespace Remediation.Core.Remediation;

public sealed class RemediationOptions
{
    public const string Section = "Remediation";

    /// <summary>What happens to every copy of a malicious message.</summary>
    public RemediationAction Action { get; set; } = RemediationAction.MoveToJunk;
}
