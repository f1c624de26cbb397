using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class SpamDisclaimerRuleTests
{
    private readonly SpamDisclaimerRule _sut = new();

    [Fact]
    public void Evaluate_OfferThatSaysItIsNotSpam_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Content", "not-spam-claim.eml")));

        Assert.Equal(SpamDisclaimerRule.Name, hit.Rule);
        Assert.Equal(ThreatCategory.Spam, hit.Category);
        Assert.Contains("This is NOT spam", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Sent under S.1618 Title III.")]
    [InlineData("", "This mailing cannot be considered spam.")]
    [InlineData("This is not unsolicited", "Hello.")]
    public void Evaluate_ClaimAnywhere_Fires(string subject, string body)
    {
        Assert.Equal(SpamDisclaimerRule.Name, Assert.Single(_sut.Evaluate(TestMail.FromText(subject, body))).Rule);
    }

    [Fact]
    public void Evaluate_ToolNameStartingWithSpam_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("filters", "It is not spamassassin that moved it.")));
    }

    [Fact]
    public void Evaluate_ColleagueDiscussingTheSpamFilter_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Content", "spam-discussion.eml")));
    }

    [Fact]
    public void Evaluate_Claim_QuotesIt()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("Offer", "Great prices. This email is not spam: you signed up.")));

        Assert.Equal(3, hit.Weight);
        Assert.Equal("Claims not to be spam (\"This email is not spam\").", hit.Reason);
    }
}
