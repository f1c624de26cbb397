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
}
