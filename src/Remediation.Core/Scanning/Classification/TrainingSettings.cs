namespace Remediation.Core.Scanning.Classification;

/// <summary>How the spam model is fitted and calibrated. The defaults are what the shipped model was trained with.</summary>
public sealed record TrainingSettings
{
    public int BucketBits { get; init; } = 18;

    public int Epochs { get; init; } = 12;

    public double LearningRate { get; init; } = 0.5;

    public double L2 { get; init; } = 1e-5;

    /// <summary>
    /// How much an example of each group counts (1 when unlisted): spam against the corpus's ham majority, and hard
    /// ham because it is rare and closest to spam.
    /// </summary>
    public IReadOnlyDictionary<string, double> GroupWeights { get; init; } = new Dictionary<string, double>();

    public int Folds { get; init; } = 5;

    public int Seed { get; init; } = 20021;

    /// <summary>
    /// Per ham group, the share of its out-of-fold messages allowed at or above the malicious logit; the strictest
    /// group sets it. Unlisted groups must stay below it entirely.
    /// </summary>
    public IReadOnlyDictionary<string, double> MaliciousHamShare { get; init; } = new Dictionary<string, double>();

    /// <summary>The same for the suspicious logit.</summary>
    public IReadOnlyDictionary<string, double> SuspiciousHamShare { get; init; } = new Dictionary<string, double>();

    /// <summary>Added to both calibrated logits, for the gap between training-time and unseen mail.</summary>
    public double Margin { get; init; } = 0.5;
}
