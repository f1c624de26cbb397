using Microsoft.Extensions.Options;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class BlockedUrlDomainRuleTests
{
    private readonly BlockedUrlDomainRule _sut = new(Options.Create(new DetectionOptions { BlockedUrlDomains = ["bad-links.example"] }));

    [Fact]
    public void Evaluate_LinkIntoABlockedDomainAfterAnotherLink_FiresAsPhishing()
    {
        var message = TestMail.FromText("Update", "See https://www.partner.example/news and https://login.bad-links.example/x");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(BlockedUrlDomainRule.Name, hit.Rule);
        Assert.Equal(10, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("Links to login.bad-links.example, in the blocked domain bad-links.example.", hit.Reason);
    }

    [Fact]
    public void Evaluate_LinksElsewhere_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("Update", "See https://www.partner.example/news and https://bad-links.example.org/")));
    }
}
