using Remediation.Core.Scanning;
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

    [Fact]
    public void Evaluate_LookalikeAfterOrdinaryAndIpLinks_NamesTheFirstLookalike()
    {
        var message = TestMail.FromText("Sign-in", "See http://203.0.113.7/x https://www.partner.example/ https://login.micros0ft.com/a https://c0ntoso.example/b");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(5, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("Links to login.micros0ft.com, which imitates microsoft.com.", hit.Reason);
    }
}
