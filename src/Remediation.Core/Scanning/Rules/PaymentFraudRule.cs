using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Business email compromise's two asks, in any of the lexicon's languages: pay into new bank details (invoice
/// redirection) and buy gift cards and send the codes. Neither needs a link: the reply is the payload. A supplier's
/// genuine change of bank details exists, so the first alone stays below the suspicious band.
/// </summary>
public sealed class PaymentFraudRule : IScanRule
{
    public const string Name = "PAYMENT_FRAUD";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var text = message.FoldedWording;
        var giftCards = LureLexicon.GiftCards(text);
        if (giftCards.Success)
        {
            yield return new RuleHit(Name, 5, ThreatCategory.Phishing, $"Asks for gift cards (\"{giftCards.Value}\"), the business email compromise payout.");
            yield break;
        }
        var bankChange = LureLexicon.BankChange(text);
        if (bankChange.Success)
        {
            yield return new RuleHit(Name, 4, ThreatCategory.Phishing, $"Says the bank details to pay into have changed (\"{bankChange.Value}\").");
        }
    }
}
