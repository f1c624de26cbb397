namespace Remediation.Core.Scanning.Classification;

/// <summary>The fitted model and the out-of-fold logit of every training example, to report calibration with.</summary>
public sealed record TrainingResult(SpamModel Model, IReadOnlyList<ScoredExample> OutOfFold);
