namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// Fits the spam model: logistic regression by stochastic gradient descent with per-feature learning rates
/// (AdaGrad) and L2 regularisation, in a fixed order from a seed so the same data gives the same model. The band
/// logits come from out-of-fold scores: every training message is scored by a model that did not see it.
/// </summary>
public static class SpamModelTrainer
{
    public static TrainingResult Train(IReadOnlyList<TrainingExample> examples, TrainingSettings settings)
    {
        var features = examples.Select(e =>
        {
            var buckets = new List<int>();
            SpamFeatures.Extract(e.Message, settings.BucketBits, buckets);
            return buckets;
        }).ToArray();
        var labels = examples.Select(e => e.IsSpam).ToArray();
        var sampleWeights = examples.Select(e => settings.GroupWeights.GetValueOrDefault(e.Group, 1)).ToArray();

        var random = new Random(settings.Seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        random.Shuffle(order);
        var fold = new int[examples.Count];
        for (var i = 0; i < order.Length; i++) fold[order[i]] = i % settings.Folds;

        var outOfFold = new double[examples.Count];
        for (var k = 0; k < settings.Folds; k++)
        {
            var training = Enumerable.Range(0, examples.Count).Where(i => fold[i] != k).ToArray();
            var (weights, bias) = Fit(features, labels, sampleWeights, training, settings);
            foreach (var i in Enumerable.Range(0, examples.Count).Where(i => fold[i] == k))
            {
                outOfFold[i] = new SpamModel(settings.BucketBits, weights, bias, 0, 0).Logit(features[i]);
            }
        }

        var hamByGroup = examples.Select((e, i) => (e, i)).Where(x => !x.e.IsSpam)
            .GroupBy(x => x.e.Group, x => outOfFold[x.i])
            .ToDictionary(g => g.Key, g => g.Order().ToArray());
        var malicious = Calibrate(hamByGroup, settings.MaliciousHamShare) + settings.Margin;
        var suspicious = Math.Min(Calibrate(hamByGroup, settings.SuspiciousHamShare) + settings.Margin, malicious - 1);

        var (finalWeights, finalBias) = Fit(features, labels, sampleWeights, Enumerable.Range(0, examples.Count).ToArray(), settings);
        var model = new SpamModel(settings.BucketBits, finalWeights, finalBias, (float)suspicious, (float)malicious);
        return new TrainingResult(model, [.. examples.Select((e, i) => new ScoredExample(e.Group, e.IsSpam, outOfFold[i]))]);
    }

    // The lowest logit at which every ham group stays within its allowed share.
    private static double Calibrate(Dictionary<string, double[]> hamByGroup, IReadOnlyDictionary<string, double> allowedShare)
    {
        var threshold = double.NegativeInfinity;
        foreach (var (group, sorted) in hamByGroup)
        {
            var allowed = (int)Math.Floor(sorted.Length * allowedShare.GetValueOrDefault(group));
            var index = sorted.Length - 1 - allowed;
            if (index >= 0) threshold = Math.Max(threshold, sorted[index] + 1e-6);
        }
        return threshold;
    }

    private static (float[] Weights, float Bias) Fit(List<int>[] features, bool[] labels, double[] sampleWeights, int[] rows, TrainingSettings settings)
    {
        var size = 1 << settings.BucketBits;
        var weights = new double[size];
        var squaredGradients = new double[size];
        var bias = 0.0;
        var biasSquaredGradient = 0.0;
        var random = new Random(settings.Seed);
        var order = (int[])rows.Clone();
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var row in order)
            {
                var buckets = features[row];
                var scale = SpamModel.Scale(buckets.Count);
                var sum = 0.0;
                foreach (var b in buckets) sum += weights[b];
                var probability = SpamModel.Probability(bias + sum * scale);
                var error = (probability - (labels[row] ? 1 : 0)) * sampleWeights[row];
                foreach (var b in buckets)
                {
                    var gradient = error * scale + settings.L2 * weights[b];
                    squaredGradients[b] += gradient * gradient;
                    weights[b] -= settings.LearningRate * gradient / (Math.Sqrt(squaredGradients[b]) + 1e-8);
                }
                biasSquaredGradient += error * error;
                bias -= settings.LearningRate * error / (Math.Sqrt(biasSquaredGradient) + 1e-8);
            }
        }
        return ([.. weights.Select(w => (float)w)], (float)bias);
    }
}
