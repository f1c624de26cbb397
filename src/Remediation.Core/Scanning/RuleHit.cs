namespace Remediation.Core.Scanning;

/// <summary>One rule that fired: how much it counts, what it suggests, and why, in words an analyst reads.</summary>
public sealed record RuleHit(string Rule, double Weight, ThreatCategory Category, string Reason);
