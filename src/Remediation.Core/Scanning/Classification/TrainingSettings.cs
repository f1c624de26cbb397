namespace Remediation.Core.Scanning.Classification;

/// <summary>How the spam model is fitted and calibrated.</summary>
public sealed record TrainingSettings
{
    /// <summary>2^BucketBits hash buckets: fewer collisions between features against a larger model.</summary>
    public int BucketBits { get; init; } = 20;

    public int Epochs { get; init; } = 12;

    public double LearningRate { get; init; } = 0.5;

    public double L2 { get; init; } = 1e-5;

    /// <summary>
    /// How much an example of each group counts (1 when unlisted): spam against the corpus's ham majority, and hard
    /// ham because it is rare and closest to spam.
    /// </summary>
    public IReadOnlyDictionary<string, double> GroupWeights { get; init; } = new Dictionary<string, double>();

    public int Folds { get; init; } = 5;

    /// <summary>
    /// Cross-validation runs with differently drawn folds; their out-of-fold scores are pooled, so the calibrated logits
    /// depend less on which fold a rare high-scoring ham fell into.
    /// </summary>
    public int Repetitions { get; init; } = 3;

    /// <summary>
    /// Folds as consecutive runs of each group in file order instead of random draws (one cross-validation): a
    /// campaign's copies are then held out together, as later, unseen spam would be. A harder, more honest measure of
    /// how the model generalises; the shipped model is calibrated on random folds.
    /// </summary>
    public bool ContiguousFolds { get; init; }

    public int Seed { get; init; } = 20021;

    /// <summary>
    /// Per ham group, the share of its out-of-fold messages allowed to reach the malicious band (classifier and other
    /// rules together); the strictest group sets the logit. Unlisted groups must stay below it entirely.
    /// </summary>
    public IReadOnlyDictionary<string, double> MaliciousHamShare { get; init; } = new Dictionary<string, double>();

    /// <summary>The same for the suspicious band.</summary>
    public IReadOnlyDictionary<string, double> SuspiciousHamShare { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Calibration treats every ham as scoring this much higher than it did out of fold, for the gap between
    /// training-time and unseen mail.
    /// </summary>
    public double Margin { get; init; } = 0.25;
}
