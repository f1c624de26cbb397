using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Payment fraud's language, in any of the lexicon's languages: a failed payment, an unpaid invoice, a fee to pay,
/// billing details to update, with a link to pay through. Asking for money is phishing, whoever the sender claims to be.
/// </summary>
public sealed class PaymentLureRule : IScanRule
{
    public const string Name = "PAYMENT_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message) =>
        LureEvidence.Weigh(message, LureLexicon.Payment, Name, ThreatCategory.Phishing, pressed: 4, unpressed: 2.5, "Asks for a payment");
}
