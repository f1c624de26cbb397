using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class OfferWithoutUnsubscribeRuleTests
{
    private const string Link = "\n\nhttps://offers.landing.example/go";

    private readonly OfferWithoutUnsubscribeRule _sut = new();

    [Theory]
    [InlineData("Lonely women near you want to meet tonight.", "adult dating")]
    [InlineData("Claim your tokens: the airdrop is live.", "a crypto promotion")]
    public void Evaluate_OfferWithNoWayOut_IsSpam(string body, string offer)
    {
        var hit = Assert.Single(_sut.Evaluate(Mail("", body + Link)));

        Assert.Equal(2.5, hit.Weight);
        Assert.Equal(ThreatCategory.Spam, hit.Category);
        Assert.Equal($"Offers {offer} with no way to unsubscribe: no List-Unsubscribe header, no unsubscribe link or words, which marketing must give.", hit.Reason);
    }

    // The way out in a header, in words of any of the lexicon's languages, or in a link's address.
    [Theory]
    [InlineData("List-Unsubscribe: <https://offers.landing.example/u/1>\r\n", "Lonely women near you want to meet tonight." + Link)]
    [InlineData("", "Lonely women near you want to meet tonight. To unsubscribe, reply STOP." + Link)]
    [InlineData("", "Einsame Frauen warten. Newsletter abbestellen: siehe Link." + Link)]
    [InlineData("", "Mulheres solteiras perto de voce. Descadastre-se aqui." + Link)]
    public void Evaluate_OfferWithAWayOut_DoesNotFire(string header, string body)
    {
        Assert.Empty(_sut.Evaluate(Mail(header, body)));
    }

    [Fact]
    public void Evaluate_OfferWhoseWayOutIsOnlyALinksAddress_DoesNotFire()
    {
        var message = RuleMail.Html("<p>Lonely women near you want to meet tonight. <a href=\"https://offers.landing.example/go\">Meet them</a>."
            + " <a href=\"https://offers.landing.example/optout?u=1\">Enough of this</a></p>");

        Assert.Empty(_sut.Evaluate(message));
    }

    // A prize or a payment notice can be a shop's transactional mail, which carries no way out; and no link, no offer taken.
    [Theory]
    [InlineData("You have won a gift card! Claim it today." + Link)]
    [InlineData("Your payment has failed. Update your payment method." + Link)]
    [InlineData("Lonely women near you want to meet tonight.")]
    public void Evaluate_NoBulkOfferOrNoLink_DoesNotFire(string body)
    {
        Assert.Empty(_sut.Evaluate(Mail("", body)));
    }

    private static ScannedMessage Mail(string header, string body) =>
        RuleMail.Headers($"{header}From: offers@promo.example\r\nTo: alice@{TestMail.Domain}\r\nSubject: Tonight", body);
}
