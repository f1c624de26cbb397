namespace Remediation.Core.Scanning;

/// <summary>What the pipeline does with a verdict: act, alert only, or nothing.</summary>
public enum VerdictBand
{
    Clean,
    Suspicious,
    Malicious,
}
