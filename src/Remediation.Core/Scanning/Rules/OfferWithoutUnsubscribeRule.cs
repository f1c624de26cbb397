using System.Text.RegularExpressions;
using MimeKit;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Marketing with no way out: a bulk offer (adult dating, gambling, pills, easy money, loans, or a crypto promotion)
/// with a link, and neither a <c>List-Unsubscribe</c> header nor an unsubscribe link or words anywhere. The law
/// (CAN-SPAM, the ePrivacy rules) and, since 2024, the large mailbox providers' rules for bulk senders make marketing
/// offer a way out, and a real newsletter does; spam that never means to be sent to the same address twice does not.
/// It weighs with the offer only: a prize or a payment notice can be a shop's transactional mail, which needs no way
/// out, so those lures do not count.
/// </summary>
/// <remarks>The header is the sender's to write, so this is not the content's evidence and keys no campaign.</remarks>
public sealed partial class OfferWithoutUnsubscribeRule : IScanRule
{
    public const string Name = "OFFER_WITHOUT_UNSUBSCRIBE";

    private const double Weight = 2.5;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (!LureEvidence.HasLink(message) || message.Mime.Headers.Contains(HeaderId.ListUnsubscribe)) yield break;
        var text = message.FoldedWording;
        var offer = OfferLexicon.Find(text)?.Topic ?? (LureLexicon.Crypto(text).Success ? "a crypto promotion" : null);
        if (offer is null || OptOut().IsMatch(text) || message.Anchors.Any(a => OptOut().IsMatch(a.Href))) yield break;
        yield return new RuleHit(Name, Weight, ThreatCategory.Spam,
            $"Offers {offer} with no way to unsubscribe: no List-Unsubscribe header, no unsubscribe link or words, which marketing must give.");
    }

    // The opt-out in the lexicon's languages, in words or in a link's address (".../unsubscribe?id=", ".../optout").
    [GeneratedRegex(@"unsubscri|opt[\s_-]?out|abmelden|abbestellen|austragen|descadastr|cancelar\s+(a\s+)?(sua\s+)?inscri|darse\s+de\s+baja|cancelar\s+(la\s+)?suscrip|desuscrib|desabonn|desinscri|afmelden|uitschrijven|disiscriv|配信停止|配信解除",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex OptOut();
}
