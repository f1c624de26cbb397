using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The prize lure, in any of the lexicon's languages: something won, a gift card or bonus to claim, loyalty points
/// about to expire, with a link to claim it. It is spam unless it also asks for an account or a payment, which the
/// other lure rules score as phishing.
/// </summary>
public sealed class PrizeLureRule : IScanRule
{
    public const string Name = "PRIZE_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (!LureEvidence.HasLink(message)) yield break;
        var text = message.FoldedSubjectAndText;
        var prize = LureLexicon.Prize(text);
        if (!prize.Success) yield break;
        var urgency = message.Urgency;
        yield return urgency.Success
            ? new RuleHit(Name, 4, ThreatCategory.Spam, $"Offers a prize to claim (\"{prize.Value}\") under pressure (\"{urgency.Value}\"), with a link.")
            : new RuleHit(Name, 3, ThreatCategory.Spam, $"Offers a prize to claim (\"{prize.Value}\"), with a link.");
    }
}
