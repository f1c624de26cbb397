using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class IpAddressLinkRuleTests
{
    private readonly IpAddressLinkRule _sut = new();

    [Fact]
    public void Evaluate_LinkToBareIp_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "link-to-ip-address.eml")));

        Assert.Equal(IpAddressLinkRule.Name, hit.Rule);
        Assert.Contains("203.0.113.7", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_IpOnlyInPath_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Links", "link-with-ip-in-path.eml")));
    }
}
