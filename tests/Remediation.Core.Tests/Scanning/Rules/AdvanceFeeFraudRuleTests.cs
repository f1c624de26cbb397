using Remediation.Core.Scanning;
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

    [Fact]
    public void Evaluate_BusinessFiguresWithOnePieceOfTheStory_DoesNotFire()
    {
        // A sum in the millions and "strictly confidential", but no death, heir, proposal, transfer abroad or share.
        Assert.Empty(_sut.Evaluate(TestMail.Read("Content", "quarterly-figures.eml")));
    }
}
