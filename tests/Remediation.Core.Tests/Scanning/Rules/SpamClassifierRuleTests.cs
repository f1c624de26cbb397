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
}
