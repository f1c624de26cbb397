using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Bulk spam's offers, in any of the lexicon's languages: adult dating, gambling bonuses, miracle cures and weight
/// loss, easy money, loans, with a link to take them. Such mail asks for no account or payment on its face, so it is
/// spam; it adds what a classifier trained on 2002's English spam cannot give to today's spam in eight languages.
/// </summary>
public sealed class SpamOfferRule : IScanRule
{
    public const string Name = "SPAM_OFFER";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (!LureEvidence.HasLink(message)) yield break;
        if (OfferLexicon.Find(message.FoldedWording) is { } offer)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Spam, $"Offers {offer.Topic} (\"{offer.Words.Value}\"), with a link.");
        }
    }
}
