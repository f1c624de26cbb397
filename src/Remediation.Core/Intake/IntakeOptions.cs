namespace Remediation.Core.Intake;

public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Bodies above this size are refused unread: Graph sends far less, an attacker may send more.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The longest the webhook waits on storage (registry reads and queue writes together) before it answers 503, so
    /// Graph delivers again: Graph wants an answer within 3 s and delays, then drops, an endpoint often slower.
    /// </summary>
    public TimeSpan StorageBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Graph's validation tokens are short; a longer one is not Graph's.</summary>
    public int MaxValidationTokenChars { get; set; } = 1024;

    /// <summary>A notification repeated within this window is queued once (per instance; the scan stage dedupes across instances).</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);
}
