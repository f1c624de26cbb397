using System.Globalization;
using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The statistical text classifier's opinion as weighted evidence: its logit is mapped linearly so that the
/// calibrated suspicious logit scores 5 and the malicious one 10, capped at 12 (<see cref="ClassifierWeight"/>);
/// ham-like text scores nothing rather than offsetting other rules.
/// </summary>
public sealed class SpamClassifierRule(SpamModel model) : IScanRule
{
    public const string Name = "SPAM_CLASSIFIER";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        // No words and no links leave only the model's bias and the headers: every meeting reply with an empty body
        // scored as spam. Such a message has nothing for a text classifier to read.
        if (message.Links.Count == 0 && !message.Text.Any(char.IsLetter)) yield break;
        var (logit, wordsLogit) = model.Logits(message);
        var weight = model.Weight(logit);
        if (weight > 0)
        {
            // What the structure block adds is the sender's to write on any copy of the words: not content evidence.
            yield return new RuleHit(Name, weight, ThreatCategory.Spam,
                string.Create(CultureInfo.InvariantCulture, $"The text classifier gives a spam probability of {SpamModel.Probability(logit):0.####}."))
            { WeightAroundContent = Math.Max(0, weight - model.Weight(wordsLogit)) };
        }
    }
}
