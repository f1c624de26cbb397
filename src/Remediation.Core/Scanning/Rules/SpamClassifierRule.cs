using System.Globalization;
using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The statistical text classifier's opinion as weighted evidence: its logit is mapped linearly so that the
/// calibrated suspicious logit scores 5 and the malicious one 10, capped at 12; ham-like text scores nothing
/// rather than offsetting other rules.
/// </summary>
public sealed class SpamClassifierRule(SpamModel model) : IScanRule
{
    public const string Name = "SPAM_CLASSIFIER";
    private const double MaxWeight = 12;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var logit = model.Logit(message);
        var weight = Math.Round(Math.Clamp(WeightOf(logit), 0, MaxWeight), 1);
        if (weight > 0)
        {
            yield return new RuleHit(Name, weight, ThreatCategory.Spam,
                string.Create(CultureInfo.InvariantCulture, $"The text classifier gives a spam probability of {SpamModel.Probability(logit):0.####}."));
        }
    }

    private double WeightOf(double logit) =>
        5 + (5 * (logit - model.SuspiciousLogit) / (model.MaliciousLogit - model.SuspiciousLogit));
}
