namespace Remediation.Core.Scanning;

/// <summary>What the pipeline does with a verdict: act, alert only, or nothing.</summary>
public enum VerdictBand
{
    Clean,
    Suspicious,
    Malicious,

    /// <summary>The message exceeded a resource limit and could not be judged in full: alert, do not act.</summary>
    Unscannable,
}
