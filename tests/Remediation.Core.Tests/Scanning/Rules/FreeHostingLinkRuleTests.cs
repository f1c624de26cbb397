using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class FreeHostingLinkRuleTests
{
    private readonly FreeHostingLinkRule _sut = new();

    [Theory]
    [InlineData("https://storage.googleapis.com/bucket-x/index.html", "storage.googleapis.com")]
    [InlineData("https://verify-x1-abcdef-uc.a.run.app/login", "run.app")]
    [InlineData("https://bucket.s3.eu-west-1.amazonaws.com/p/index.html", "amazonaws.com")]
    [InlineData("https://example-shop.pages.dev/", "pages.dev")]
    [InlineData("https://us-central1-project-123.cloudfunctions.net/verify", "cloudfunctions.net")]
    [InlineData("https://portal-login-x.azurewebsites.net/", "azurewebsites.net")]
    [InlineData("https://mailbox-check.duckdns.org/index.php", "duckdns.org")]
    public void Evaluate_AnchorToAFreePlatform_Fires(string href, string platform)
    {
        var hit = Assert.Single(_sut.Evaluate(WithAnchor(href, "Open")));

        Assert.Contains(platform, hit.Reason, StringComparison.Ordinal);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
    }

    [Theory]
    [InlineData("https://contoso.sharepoint.com/sites/finance/budget.xlsx")]
    [InlineData("https://www.partner.example/updates")]
    [InlineData("https://docs.google.com/document/d/1/edit")]
    public void Evaluate_AnchorToAnOrganisationOrDocumentSharing_DoesNotFire(string href)
    {
        Assert.Empty(_sut.Evaluate(WithAnchor(href, "Open")));
    }

    [Fact]
    public void Evaluate_ImageOnABucket_DoesNotFire()
    {
        var message = TestMail.Read(TestMail.Parse(
            "From: news@partner.example\r\nTo: alice@contoso.example\r\nSubject: News\r\nContent-Type: text/html\r\n\r\n" +
            "<p>News</p><img src=\"https://storage.googleapis.com/cdn-x/banner.png\" alt=\"banner\">\r\n"));

        Assert.Empty(_sut.Evaluate(message));
    }

    private static ScannedMessage WithAnchor(string href, string text) => TestMail.Read(TestMail.Parse(
        "From: news@partner.example\r\nTo: alice@contoso.example\r\nSubject: News\r\nContent-Type: text/html\r\n\r\n" +
        $"<p>Hello</p><a href=\"{href}\">{text}</a>\r\n"));
}
