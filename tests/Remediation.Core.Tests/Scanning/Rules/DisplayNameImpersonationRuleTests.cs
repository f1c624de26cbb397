using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Domains;
using Microsoft.Extensions.Options;
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

    [Fact]
    public void Evaluate_NameHoldsAnInternalAddress_QuotesTheShownAddress()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "display-name-shows-internal-address.eml")));

        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("Display name shows ceo@contoso.example but the address is ceo.contoso.office@gmail.com.", hit.Reason);
    }

    [Fact]
    public void Evaluate_NamePosesAsTheOrganisation_SaysWhom()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "display-name-shows-organisation.eml")));

        Assert.Equal(4, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("Display name \"Contoso IT Helpdesk\" poses as contoso but the address is helpdesk@support-desk.example.", hit.Reason);
    }

    [Fact]
    public void Evaluate_NameHoldsAnAddressElsewhere_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers($"From: \"bob@partner.example\" <bob.p@mail.example>\r\nTo: alice@{TestMail.Domain}\r\nSubject: Notice")));
    }

    [Fact]
    public void Evaluate_SenderWithoutName_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers($"From: contoso-helpdesk@support-desk.example\r\nTo: alice@{TestMail.Domain}\r\nSubject: Notice")));
    }

    [Fact]
    public void Evaluate_SecondOfTwoSendersPoses_OneHitForIt()
    {
        var message = RuleMail.Headers($"From: \"Bob\" <bob@partner.example>, \"Contoso Payroll\" <pay@payroll-desk.example>, \"Contoso HR\" <hr@hr-desk.example>\r\nTo: alice@{TestMail.Domain}\r\nSubject: Notice");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Contains("pay@payroll-desk.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NameWithAnInternalAddressAndTheOrganisation_OneStrongHit()
    {
        var message = RuleMail.Headers($"From: \"Contoso CEO ceo@contoso.example\" <ceo@mail.example>, \"Contoso HR\" <hr@hr-desk.example>\r\nTo: alice@{TestMail.Domain}\r\nSubject: Notice");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(6, hit.Weight);
    }

    [Fact]
    public void Evaluate_NoProtectedIdentities_DoesNotFire()
    {
        var sut = new DisplayNameImpersonationRule(new ProtectedIdentities(
            Options.Create(new TenantOptions { TenantId = TestMail.TenantId, AcceptedDomains = [] }), Options.Create(new DetectionOptions())));

        Assert.Empty(sut.Evaluate(TestMail.Read("Headers", "display-name-shows-organisation.eml")));
    }
}
