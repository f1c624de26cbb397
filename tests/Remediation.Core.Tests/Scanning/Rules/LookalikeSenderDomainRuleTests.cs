using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class LookalikeSenderDomainRuleTests
{
    private readonly LookalikeSenderDomainRule _sut = new(TestMail.Identities());

    [Fact]
    public void Evaluate_DomainOneEditFromAcceptedDomain_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "lookalike-sender-domain.eml")));

        Assert.Equal(LookalikeSenderDomainRule.Name, hit.Rule);
        Assert.Contains("imitates contoso.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SenderInAcceptedDomain_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Headers", "display-name-organisation-from-own-domain.eml")));
    }
}
