namespace Remediation.Core.Scanning.Classification;

/// <summary>A training message's logit from a model that did not see it, and the points the other rules give it.</summary>
public sealed record ScoredExample(string Group, bool IsSpam, double Logit, double OtherRulesWeight);
