namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// The fitted model and the out-of-fold logits of every training example, one per repetition of the cross-validation,
/// to report calibration with.
/// </summary>
public sealed record TrainingResult(SpamModel Model, IReadOnlyList<ScoredExample> OutOfFold);
