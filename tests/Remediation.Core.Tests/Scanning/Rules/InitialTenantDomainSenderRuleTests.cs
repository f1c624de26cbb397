using Microsoft.Extensions.Options;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Domains;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class InitialTenantDomainSenderRuleTests
{
    private readonly InitialTenantDomainSenderRule _sut = new(Identities());

    [Theory]
    [InlineData("From: Airdrop Desk <claims@k7trial.onmicrosoft.com>")]
    [InlineData("From: Support <help@shop.example>\r\nSender: relay@k7trial.ONMICROSOFT.com")]
    public void Evaluate_SenderAtAnotherTenantsInitialDomain_Fires(string headers)
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.Headers(headers)));

        Assert.Equal(2, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Contains("k7trial.", hit.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("From: MicrosoftExchange329e71ec@contoso.onmicrosoft.com")] // this tenant's own initial domain
    [InlineData("From: Ops <ops@partnerco.onmicrosoft.com>")]                // a partner the tenant lists
    [InlineData("From: News <news@onmicrosoft.com.example>")]
    [InlineData("From: Team <team@microsoft.com>")]
    public void Evaluate_OwnOrListedOrOtherDomain_DoesNotFire(string headers)
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers(headers)));
    }

    private static ProtectedIdentities Identities() => new(
        Options.Create(new TenantOptions { TenantId = TestMail.TenantId, AcceptedDomains = [TestMail.Domain, "contoso.onmicrosoft.com"] }),
        Options.Create(new DetectionOptions { ProtectedBrands = new() { ["PartnerCo"] = ["partnerco.onmicrosoft.com"] } }));
}
