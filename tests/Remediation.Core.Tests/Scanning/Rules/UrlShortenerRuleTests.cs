using Remediation.Core.Scanning;
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

    [Theory]
    [InlineData("bit.ly")]
    [InlineData("bitly.com")]
    [InlineData("tinyurl.com")]
    [InlineData("t.co")]
    [InlineData("goo.gl")]
    [InlineData("ow.ly")]
    [InlineData("is.gd")]
    [InlineData("buff.ly")]
    [InlineData("rebrand.ly")]
    [InlineData("cutt.ly")]
    [InlineData("shorturl.at")]
    [InlineData("tiny.cc")]
    [InlineData("rb.gy")]
    [InlineData("s.id")]
    [InlineData("t.ly")]
    [InlineData("v.gd")]
    [InlineData("bl.ink")]
    [InlineData("short.io")]
    [InlineData("tiny.one")]
    [InlineData("lnkd.in")]
    [InlineData("qrco.de")]
    public void Evaluate_LinkThroughEachKnownShortener_NamesIt(string shortener)
    {
        var message = TestMail.FromText("Look", $"See https://www.partner.example/ and https://{shortener}/x7Yz2 now.");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(1.5, hit.Weight);
        Assert.Equal(ThreatCategory.Spam, hit.Category);
        Assert.Equal($"Links through the URL shortener {shortener}.", hit.Reason);
    }
}
