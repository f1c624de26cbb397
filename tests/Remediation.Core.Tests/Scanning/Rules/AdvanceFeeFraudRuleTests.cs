using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class AdvanceFeeFraudRuleTests
{
    private readonly AdvanceFeeFraudRule _sut = new();

    [Fact]
    public void Evaluate_MillionsWithTheFraudStory_FiresAsPhishing()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Content", "advance-fee-letter.eml")));

        Assert.Equal(AdvanceFeeFraudRule.Name, hit.Rule);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Contains("US$25,500,000", hit.Reason, StringComparison.Ordinal);
        Assert.Contains("next of kin", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US$25,500,000", "the sum")]
    [InlineData("$8.600.000", "the sum")]
    [InlineData("$15.5 million", "the sum")]
    [InlineData("USD48M", "the sum")]
    [InlineData("10 million dollars", "the sum")]
    [InlineData("10 mіllion dollars", "the sum")] // a Cyrillic і
    [InlineData("7,5 milhões de dólares", "the sum")]
    [InlineData("the sum below", "US$25 million for you")]
    public void Evaluate_SumWrittenAnyWay_Fires(string body, string subject)
    {
        var message = TestMail.FromText(subject, $"My late father left {body} with no next of kin.");

        Assert.Equal(AdvanceFeeFraudRule.Name, Assert.Single(_sut.Evaluate(message)).Rule);
    }

    [Theory]
    [InlineData("a budget of $250,000")]
    [InlineData("25 million users")]
    [InlineData("12345 million dollars")]
    public void Evaluate_NoSumInTheMillions_DoesNotFire(string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("news", $"My late father left {body} with no next of kin.")));
    }

    [Fact]
    public void Evaluate_BareSumAfterAWord_QuotesTheSumAlone()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("news", "My late father left 10 million dollars with no next of kin.")));

        Assert.Contains("(\"10 million dollars\")", hit.Reason, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Evaluate_MillionDigitsAndNoSum_FinishesInLinearTime()
    {
        // "million" gets past the cheap pre-check; an unbounded digit run in the pattern would then be retried from each
        // of the million digits, and each try would read to the end of the run.
        var message = TestMail.FromText("figures", "million dollars, late father, next of kin: " + new string('7', 1_000_000) + "x");

        var hits = await Task.Run(() => _sut.Evaluate(message).ToList());

        Assert.Empty(hits);
    }

    [Fact]
    public void Evaluate_BusinessFiguresWithOnePieceOfTheStory_DoesNotFire()
    {
        // A sum in the millions and "strictly confidential", but no death, heir, proposal, transfer abroad or share.
        Assert.Empty(_sut.Evaluate(TestMail.Read("Content", "quarterly-figures.eml")));
    }

    [Fact]
    public void Evaluate_SumAndStory_QuotesTheSumAndEachPieceInOrder()
    {
        var message = TestMail.FromText("Urgent business proposal", "My late father left 10 million dollars; you are named next of kin and get 30% of the total sum.");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(8, hit.Weight);
        Assert.Equal("Offers a sum in the millions (\"10 million dollars\") with the advance-fee fraud story: \"late father\", \"next of kin\", \"Urgent business proposal\", \"30% of the total sum\".", hit.Reason);
    }

    [Fact]
    public void Evaluate_SumAndOnePieceOfTheStory_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("news", "My late father left 10 million dollars.")));
    }

    [Theory]
    [InlineData("Sou viúva do falecido Sr. Silva, que deixou US$ 4,5 milhões num banco. Ofereço-lhe 30% do fundo.", "viúva")]
    [InlineData("Meu cliente morreu e deixou 7,2 milhões de dólares; você será o parente mais próximo. 50% para você.", "parente mais próximo")]
    [InlineData("Mi difunto esposo dejó 6,5 millones de dólares. Busco una persona de confianza para transferir los fondos.", "persona de confianza")]
    [InlineData("Mon défunt mari a laissé 3 millions de dollars; je cherche une personne de confiance, c'est strictement confidentiel.", "strictement confidentiel")]
    [InlineData("Mein verstorbener Mann hinterließ 9 Millionen Euro. Ich suche eine vertrauenswürdige Person als Alleinerbe.", "Alleinerbe")]
    [InlineData("Il mio defunto marito ha lasciato 8 milioni di dollari; cerco una persona di fiducia, è strettamente confidenziale.", "persona di fiducia")]
    [InlineData("Mijn overleden man liet 5 miljoen dollar na; ik zoek een betrouwbare persoon, het is strikt vertrouwelijk.", "strikt vertrouwelijk")]
    public void Evaluate_TheLetterInAnotherLanguage_FiresAndQuotesThePieces(string body, string piece)
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("Olá", body)));

        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        // The reason quotes the pieces as found in the text without diacritics.
        Assert.Contains(Diacritics.Remove(piece), hit.Reason, StringComparison.OrdinalIgnoreCase);
    }

    // The letter's newer variants: a dying giver, a lottery nobody entered, the IMF paying out, the cash on its way
    // by courier.
    [Theory]
    [InlineData("I am fighting cancer and wish to give you $4,800,000 to build a school in my name.", "fighting cancer", "give you $")]
    [InlineData("Estou com câncer e quero deixar US$ 2.300.000 para você cuidar do orfanato.", "estou com cancer", "deixar us$ 2.300.000 para voce")]
    [InlineData("Your email address was randomly selected in our online draw; as the beneficiary you receive $1,250,000.", "beneficiary", "randomly selected")]
    [InlineData("Dear beneficiary, the International Monetary Fund has approved your payment of $3,700,000.", "beneficiary", "International Monetary Fund")]
    [InlineData("Your inheritance of $6.2 million is ready; a diplomatic agent will bring the consignment to your door.", "inheritance", "diplomatic agent")]
    [InlineData("I have bequeathed $2,000,000 to you, as my late husband wished.", "late husband", "bequeathed $2,000,000 to you")]
    [InlineData("Voce e o herdeiro: emitiremos um cartao visa onde o fundo de US$ 6.200.000 fica disponivel.", "herdeiro", "cartao visa onde o fundo")]
    [InlineData("Your address is among the 12 lucky people of this year's draw: an ATM Visa card loaded with $4.5M will reach you by courier.", "lucky people", "ATM Visa card")]
    public void Evaluate_NewerVariantsOfTheLetter_QuoteBothPieces(string body, string first, string second)
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("Hello", body)));

        Assert.Contains($"\"{first}\"", hit.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"{second}\"", hit.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("The IMF approved a $500 million loan for new roads.")]
    [InlineData("With the United Nations and the World Bank we raised $2.5 million for 40,000 beneficiaries.")]
    [InlineData("This week's lottery jackpot reached $120 million.")]
    [InlineData("The settlement sets up a $40 million compensation fund for the victims of the fraud.")]
    [InlineData("Graças a vocês, a campanha de caridade arrecadou R$ 2.500.000 para 40 instituições beneficiárias.")]
    [InlineData("Our foundation raised $3 million for charity this year; the beneficiaries are listed below.")]
    [InlineData("That is the million dollar question, he said before he passed away.")]
    public void Evaluate_NewsOfMillionsWithOnePiece_DoesNotFire(string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("Newsletter", body)));
    }
    [Fact]
    public void Evaluate_SumAndOnePieceWithRepliesToAFreeMailbox_Fires()
    {
        var message = RuleMail.Headers("From: Office <office@school.example>\r\nReply-To: winner.office77@gmail.com\r\nTo: office@school.example\r\nSubject: Hello",
            "You are named beneficiary of $4.2 million. Write back for the details.");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal("Offers a sum in the millions (\"$4.2 million\") with the advance-fee fraud story: \"beneficiary\", replies go to the free mailbox winner.office77@gmail.com.", hit.Reason);
    }

    [Theory]
    [InlineData("Reply-To: desk@school.example")]           // replies come back to the sender's own domain
    [InlineData("Reply-To: grants@foundation.example")]     // to another organisation, which answers for itself
    [InlineData("")]
    public void Evaluate_SumAndOnePieceWithRepliesToAnOrganisation_DoesNotFire(string replyTo)
    {
        var headers = "From: Office <office@school.example>\r\n" + (replyTo.Length > 0 ? replyTo + "\r\n" : "") + "Subject: Hello";

        Assert.Empty(_sut.Evaluate(RuleMail.Headers(headers, "You are named beneficiary of $4.2 million. Write back for the details.")));
    }

    [Fact]
    public void Evaluate_RepliesToAFreeMailboxWithoutAFromHeader_IsNoPieceOfTheStory()
    {
        var message = RuleMail.Headers("Reply-To: winner.office77@gmail.com\r\nSubject: Hello",
            "You are named beneficiary of $4.2 million. Write back for the details.");

        Assert.Empty(_sut.Evaluate(message));
    }

    [Fact]
    public void Evaluate_FreeMailboxWritingFromFreeMail_IsNoPieceOfTheStory()
    {
        var message = RuleMail.Headers("From: Ann <ann.k@gmail.com>\r\nReply-To: ann.k.home@outlook.com\r\nSubject: Hello",
            "You are named beneficiary of $4.2 million. Write back for the details.");

        Assert.Empty(_sut.Evaluate(message));
    }

    // The opener keeps the sum for the second letter: one piece of the story, and the reply asked at a free mailbox.
    [Theory]
    [InlineData("I wish to discuss a lucrative deal with you. Reply to me for the details.", "lucrative deal")]
    [InlineData("Let us talk about a mutually beneficial transaction. Reply to me soon.", "mutually beneficial transaction")]
    [InlineData("I am dying of bone cancer and wish to entrust you with my late husband's wishes.", "dying of bone cancer")]
    [InlineData("Sou viúva e estou gravemente doente. Responda-me, por favor.", "viuva")]
    public void Evaluate_OpenerWithoutASumAskingForTheReplyAtAFreeMailbox_FiresAroundItsContent(string body, string piece)
    {
        var message = RuleMail.Headers("From: Office <office@school.example>\r\nReply-To: desk.office77@gmail.com\r\nTo: office@school.example\r\nSubject: Hello", body);

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(5, hit.Weight);
        Assert.Equal(5, hit.WeightAroundContent);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.StartsWith($"Opens the advance-fee fraud story without a sum (\"{piece}\"", hit.Reason, StringComparison.Ordinal);
        Assert.EndsWith("asks for the reply at the free mailbox desk.office77@gmail.com.", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OpenerWithTwoPieces_QuotesEach()
    {
        var message = RuleMail.Headers("From: Office <office@school.example>\r\nReply-To: desk.office77@gmail.com\r\nSubject: Hello",
            "My late husband wished me to find a trustworthy partner. Write back to me.");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal("Opens the advance-fee fraud story without a sum (\"late husband\", \"trustworthy partner\") and asks for the reply at the free mailbox desk.office77@gmail.com.", hit.Reason);
    }

    // Without a sum, the story alone is a novel or a cold business mail, and a free mailbox alone is anyone's.
    [Theory]
    [InlineData("From: Office <office@school.example>\r\nSubject: Hello", "I wish to discuss a lucrative deal with you.")]
    [InlineData("From: Office <office@school.example>\r\nReply-To: desk@school.example\r\nSubject: Hello", "I wish to discuss a lucrative deal with you.")]
    [InlineData("From: Office <office@school.example>\r\nReply-To: desk.office77@gmail.com\r\nSubject: Hello", "Our office moves on Monday; write to me here meanwhile.")]
    [InlineData("From: Ann <ann.k@gmail.com>\r\nReply-To: ann.k.home@outlook.com\r\nSubject: Hello", "I wish to discuss a lucrative deal with you.")]
    public void Evaluate_OpenerWithoutThePieceOrTheFreeMailbox_DoesNotFire(string headers, string body)
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers(headers, body)));
    }

    [Theory]
    [InlineData("I won the lottery and will donate $2.5 million of it to you and your family.", "donate $2.5 million of it to you")]
    [InlineData("You have a donation of $2,500,000.00 waiting, as my late husband wished.", "You have a donation")]
    public void Evaluate_DonationToTheReaderInEnglish_IsAPiece(string body, string piece)
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("Hello", body + " Reply in strict confidence, it is strictly confidential.")));

        Assert.Contains($"\"{piece}\"", hit.Reason, StringComparison.Ordinal);
    }
}
