using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class UrlShortenerRuleTests
{
    private readonly UrlShortenerRule _sut = new();

    [Fact]
    public void Evaluate_LinkThroughBitly_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "link-through-shortener.eml")));

        Assert.Equal(UrlShortenerRule.Name, hit.Rule);
        Assert.Contains("bit.ly", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HostThatOnlyStartsLikeShortener_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Links", "link-to-similar-named-host.eml")));
    }
}
