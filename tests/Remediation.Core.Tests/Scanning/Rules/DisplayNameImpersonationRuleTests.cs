using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class DisplayNameImpersonationRuleTests
{
    private readonly DisplayNameImpersonationRule _sut = new(TestMail.Identities());

    [Fact]
    public void Evaluate_DisplayNameShowsOrganisationFromElsewhere_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "display-name-shows-organisation.eml")));

        Assert.Equal(DisplayNameImpersonationRule.Name, hit.Rule);
        Assert.Contains("helpdesk@support-desk.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OrganisationNameFromOwnDomain_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Headers", "display-name-organisation-from-own-domain.eml")));
    }
}
