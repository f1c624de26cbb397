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

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message) =>
        LureEvidence.Weigh(message, LureLexicon.Prize, Name, ThreatCategory.Spam, pressed: 4, unpressed: 3, "Offers a prize to claim");
}
