using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class DataUriLinkRuleTests
{
    private readonly DataUriLinkRule _sut = new();

    [Fact]
    public void Evaluate_AnchorOpensDataUri_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "link-to-data-uri.eml")));

        Assert.Equal(DataUriLinkRule.Name, hit.Rule);
        Assert.Contains("text/html", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ImageFromDataUri_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Links", "image-from-data-uri.eml")));
    }

    [Theory]
    [InlineData("data:text/html;base64,PGgxPkhpPC9oMT4=", "text/html")]
    [InlineData("DATA:image/svg+xml,<svg/>", "image/svg+xml")]
    [InlineData("data:,Hello", "no type")]
    [InlineData("data:text/html", "no type")]
    public void Evaluate_DataUriAnchor_NamesItsType(string href, string type)
    {
        var message = RuleMail.Html($"<p><a href=\"https://www.partner.example/\">Home</a> <a href=\"{href}\">Open</a></p>");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(4, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal($"A link opens a data: URI ({type}) instead of a web address.", hit.Reason);
    }

    [Fact]
    public void Evaluate_DataWordInsideAWebAddress_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Html("<a href=\"https://www.partner.example/data:x\">Open</a>")));
    }
}
