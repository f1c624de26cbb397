namespace Remediation.Core.Scanning;

/// <summary>
/// One rule that fired: how much it counts, what it suggests, and why, in words an analyst reads. A hit whose
/// category is <see cref="ThreatCategory.Clean"/> is neutral evidence (provenance, for example): it adds to the
/// score but never names the threat.
/// </summary>
public sealed record RuleHit(string Rule, double Weight, ThreatCategory Category, string Reason);
