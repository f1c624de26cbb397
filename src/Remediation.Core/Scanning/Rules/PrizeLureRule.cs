using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The prize lure, in any of the lexicon's languages: something won, a gift card or bonus to claim, loyalty points
/// about to expire, with a link to claim it. It is spam unless it also asks for an account or a payment, which the
/// other lure rules score as phishing, or unless the prize is the reward for a survey: the reward scam, whose survey
/// speaks as a shop or a brand and ends in a form for card details "for the shipping".
/// </summary>
public sealed class PrizeLureRule : IScanRule
{
    public const string Name = "PRIZE_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var hit in LureEvidence.Weigh(message, LureLexicon.Prize, Name, ThreatCategory.Spam, pressed: 4, unpressed: 3, "Offers a prize to claim"))
        {
            var survey = LureLexicon.Survey(message.FoldedWording);
            yield return survey.Success
                ? hit with { Category = ThreatCategory.Phishing, Reason = $"{hit.Reason[..^1]}, as the reward for a survey (\"{survey.Value}\"): the reward scam, which asks for card details to ship the prize." }
                : hit;
        }
    }
}
