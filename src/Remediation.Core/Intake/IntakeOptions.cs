namespace Remediation.Core.Intake;

public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Bodies above this size are refused unread: Graph sends far less, an attacker may send more.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
