using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class LookalikeLinkDomainRuleTests
{
    private readonly LookalikeLinkDomainRule _sut = new(TestMail.Identities());

    [Fact]
    public void Evaluate_LinkToDigitForLetterLookalike_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "link-to-lookalike-domain.eml")));

        Assert.Equal(LookalikeLinkDomainRule.Name, hit.Rule);
        Assert.Contains("imitates microsoft.com", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LinkToProtectedDomain_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Links", "link-to-protected-domain.eml")));
    }
}
