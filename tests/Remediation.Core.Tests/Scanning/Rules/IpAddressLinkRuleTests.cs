using Remediation.Core.Scanning;
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

    [Theory]
    [InlineData("http://203.0.113.7/login", "203.0.113.7")]
    [InlineData("https://[2001:db8::7]/login", "[2001:db8::7]")]
    public void Evaluate_LinkToAnIpAddressAfterANamedHost_NamesTheAddress(string link, string host)
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.Html($"<a href=\"https://www.partner.example/\">Home</a> <a href=\"{link}\">Sign in</a>")));

        Assert.Equal(3, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal($"Links to the bare IP address {host}.", hit.Reason);
    }
}
