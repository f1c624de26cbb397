namespace Remediation.Core.Intake;

public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Bodies above this size are refused unread: Graph sends far less, an attacker may send more.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>A notification repeated within this window is queued once (per instance; the scan stage dedupes across instances).</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);
}
