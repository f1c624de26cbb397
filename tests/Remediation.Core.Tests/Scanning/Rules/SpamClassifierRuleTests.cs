using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Classification;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class SpamClassifierRuleTests
{
    private readonly SpamClassifierRule _sut = new(SpamModel.Shipped);

    [Fact]
    public void Evaluate_ObviousSpam_FiresAsSpam()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Provenance", "spam-offer.eml")));

        Assert.Equal(ThreatCategory.Spam, hit.Category);
        Assert.InRange(hit.Weight, 0.1, 12);
    }

    [Fact]
    public void Evaluate_ColleagueNote_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Provenance", "colleague-note.eml")));
    }

    // A model that reads nothing: every message scores its bias, so the rule's own decisions show.
    private static SpamClassifierRule WithBias(float bias) => new(new SpamModel(8, new float[256], bias, suspiciousLogit: 0, maliciousLogit: 2));

    [Fact]
    public void Evaluate_SpamLogit_WeighsItAndGivesTheProbability()
    {
        var hit = Assert.Single(WithBias(1).Evaluate(TestMail.FromText("Offer", "Buy now")));

        Assert.Equal(SpamClassifierRule.Name, hit.Rule);
        Assert.Equal(7.5, hit.Weight);
        Assert.Equal(ThreatCategory.Spam, hit.Category);
        Assert.Equal("The text classifier gives a spam probability of 0.7311.", hit.Reason);
    }

    // Whoever sends a copy of some words writes its headers: what the structure block adds to the classifier's points
    // is the sender's, and every copy of the words shares only the rest.
    [Fact]
    public void Evaluate_SameWordsUnderOtherHeaders_ShareTheContentEvidence()
    {
        var sut = new SpamClassifierRule(new SpamModel(8, Enumerable.Repeat(0.5f, 256).ToArray(), -2, suspiciousLogit: 0, maliciousLogit: 2));
        const string Body = "The quarterly figures are ready on the portal, with the notes from the review.";

        var plain = Assert.Single(sut.Evaluate(TestMail.FromText("Quarterly figures", Body)));
        var dressed = Assert.Single(sut.Evaluate(RuleMail.Headers(
            $"From: \"FIGURES TEAM\" <x9x9x9@mailer.example>\r\nReply-To: desk@elsewhere.example\r\nX-Mailer: Bulk Sender 2.0\r\nTo: alice@{TestMail.Domain}\r\nSubject: Quarterly figures", Body)));

        Assert.NotEqual(plain.Weight, dressed.Weight);
        Assert.True(plain.WeightAroundContent > 0, $"{plain.WeightAroundContent}");
        Assert.Equal(plain.Weight - plain.WeightAroundContent, dressed.Weight - dressed.WeightAroundContent, 6);
    }

    [Fact]
    public void Evaluate_HamLogit_DoesNotFire()
    {
        Assert.Empty(WithBias(-3).Evaluate(TestMail.FromText("Offer", "Buy now")));
    }

    [Fact]
    public void Evaluate_NoWordsAndNoLinks_DoesNotFire()
    {
        Assert.Empty(WithBias(1).Evaluate(TestMail.FromText("Offer", "100 % - 2024 !!!")));
    }

    [Theory]
    [InlineData("Just words, no links")]
    [InlineData("100 % https://offers.example/ 2024")]
    public void Evaluate_WordsOrALink_AreRead(string body)
    {
        Assert.Single(WithBias(1).Evaluate(TestMail.FromText("Offer", body)));
    }

    // The envelope sender is the receiving server's to write. Above mail placed in the store it is the author's own
    // line, and one list's Return-Path once took 2.5 points off an appended phish.
    [Fact]
    public void Logit_ReturnPathOnMailThatBypassedTransport_IsNotRead()
    {
        var appended = TestMail.Load("Provenance", "spam-offer.eml");

        Assert.Equal(SpamModel.Shipped.Logit(TestMail.Read(appended)), SpamModel.Shipped.Logit(TestMail.Read(WithListReturnPath(appended))));
    }

    [Fact]
    public void Logit_ReturnPathOnMailThroughTheTenantsTransport_IsRead()
    {
        var arrival = new DateTimeOffset(2024, 11, 12, 9, 15, 30, TimeSpan.Zero);
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "spam-offer.eml"), TestMail.TenantId, arrival);
        var withList = WithListReturnPath(stamped);

        Assert.NotEqual(
            SpamModel.Shipped.Logit(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = arrival })),
            SpamModel.Shipped.Logit(TestMail.Read(withList, new ScanInput(withList) { ReceivedAt = arrival })));
    }

    private static MimeMessage WithListReturnPath(MimeMessage original)
    {
        var copy = TransportStamps.Copy(original);
        copy.Headers.Insert(0, "Return-Path", "<bounce-4411@lists.example.org>");
        return copy;
    }
}
