using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Payment fraud's language, in any of the lexicon's languages: a failed payment, an unpaid invoice, a fee to pay,
/// billing details to update, with a link to pay through. Asking for money is phishing, whoever the sender claims to be.
/// </summary>
public sealed class PaymentLureRule : IScanRule
{
    public const string Name = "PAYMENT_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (!LureEvidence.HasLink(message)) yield break;
        var text = message.FoldedSubjectAndText;
        var payment = LureLexicon.Payment(text);
        if (!payment.Success) yield break;
        var urgency = message.Urgency;
        yield return urgency.Success
            ? new RuleHit(Name, 4, ThreatCategory.Phishing, $"Asks for a payment (\"{payment.Value}\") under pressure (\"{urgency.Value}\"), with a link.")
            : new RuleHit(Name, 2.5, ThreatCategory.Phishing, $"Asks for a payment (\"{payment.Value}\"), with a link.");
    }
}
