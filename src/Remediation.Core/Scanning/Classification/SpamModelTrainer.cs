namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// Fits the spam model: logistic regression by stochastic gradient descent with per-feature learning rates
/// (AdaGrad) and L2 regularisation, in orders fixed by a seed so the same data gives the same model. The band
/// logits come from out-of-fold scores: every training message is scored by models that did not see it.
/// </summary>
public static class SpamModelTrainer
{
    public static TrainingResult Train(IReadOnlyList<TrainingExample> examples, TrainingSettings settings)
    {
        var features = examples.Select(e =>
        {
            var vector = new List<HashedFeature>();
            SpamFeatures.Extract(e.Message, settings.BucketBits, vector);
            return vector.ToArray();
        }).ToArray();
        var labels = examples.Select(e => e.IsSpam).ToArray();
        var sampleWeights = examples.Select(e => settings.GroupWeights.GetValueOrDefault(e.Group, 1)).ToArray();

        var folds = settings.ContiguousFolds
            ? [ContiguousFoldsOf(examples, settings.Folds)]
            : Enumerable.Range(0, settings.Repetitions).Select(r => FoldsOf(examples.Count, settings.Folds, settings.Seed + r)).ToArray();
        var outOfFold = Enumerable.Range(0, folds.Length).Select(_ => new double[examples.Count]).ToArray();
        // Each fit writes only its own held-out rows, so running them in parallel changes nothing in the result.
        Parallel.For(0, folds.Length * settings.Folds, run =>
        {
            var (repetition, fold) = Math.DivRem(run, settings.Folds);
            var assigned = folds[repetition];
            var rows = Enumerable.Range(0, examples.Count).Where(i => assigned[i] != fold).ToArray();
            var (weights, bias) = Fit(features, labels, sampleWeights, rows, settings);
            for (var i = 0; i < examples.Count; i++)
            {
                if (assigned[i] == fold) outOfFold[repetition][i] = Score(weights, bias, features[i]);
            }
        });

        var scored = outOfFold.SelectMany(logits => examples.Select((e, i) => new ScoredExample(e.Group, e.IsSpam, logits[i], e.OtherRulesWeight))).ToList();
        var (suspicious, malicious) = BandCalibration.Find(scored, settings);
        var (finalWeights, finalBias) = Fit(features, labels, sampleWeights, [.. Enumerable.Range(0, examples.Count)], settings);
        var model = new SpamModel(settings.BucketBits, finalWeights, finalBias, (float)suspicious, (float)malicious);
        return new TrainingResult(model, scored);
    }

    private static int[] FoldsOf(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var i = 0; i < order.Length; i++) fold[order[i]] = i % folds;
        return fold;
    }

    // Each group cut into consecutive runs in file order: a campaign's copies, filed together, are held out together.
    private static int[] ContiguousFoldsOf(IReadOnlyList<TrainingExample> examples, int folds)
    {
        var fold = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Group))
        {
            var rows = group.ToArray();
            for (var k = 0; k < rows.Length; k++) fold[rows[k]] = k * folds / rows.Length;
        }
        return fold;
    }

    private static double Score(float[] weights, float bias, HashedFeature[] features)
    {
        var sum = (double)bias;
        foreach (var feature in features) sum += weights[feature.Bucket] * feature.Value;
        return sum;
    }

    private static (float[] Weights, float Bias) Fit(HashedFeature[][] features, bool[] labels, double[] sampleWeights, int[] rows, TrainingSettings settings)
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
                var sum = bias;
                foreach (var feature in features[row]) sum += weights[feature.Bucket] * feature.Value;
                var error = (SpamModel.Probability(sum) - (labels[row] ? 1 : 0)) * sampleWeights[row];
                foreach (var feature in features[row])
                {
                    var gradient = (error * feature.Value) + (settings.L2 * weights[feature.Bucket]);
                    squaredGradients[feature.Bucket] += gradient * gradient;
                    weights[feature.Bucket] -= settings.LearningRate * gradient / (Math.Sqrt(squaredGradients[feature.Bucket]) + 1e-8);
                }
                biasSquaredGradient += error * error;
                bias -= settings.LearningRate * error / (Math.Sqrt(biasSquaredGradient) + 1e-8);
            }
        }
        return ([.. weights.Select(w => (float)w)], (float)bias);
    }
}
