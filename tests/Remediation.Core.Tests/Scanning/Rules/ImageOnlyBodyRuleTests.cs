using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ImageOnlyBodyRuleTests
{
    private readonly ImageOnlyBodyRule _sut = new();

    [Theory]
    [InlineData("<a href=\"https://short.example/x\"><img src=\"https://img.example/offer.png\"></a>")]
    [InlineData("<p>Hi!</p><a href=\"https://short.example/x\"><img src=\"cid:offer\" alt=\"Claim now\"></a>")]
    public void Evaluate_PictureAndLinkWithoutWords_Fires(string html)
    {
        var hit = Assert.Single(_sut.Evaluate(Html(html)));

        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Contains("picture", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=\"https://img.example/banner.png\"><p>Our autumn collection is here, with free delivery this week.</p><a href=\"https://shop.example/\">Shop</a>")]
    [InlineData("<img src=\"https://img.example/photo.png\">")]
    [InlineData("<a href=\"https://shop.example/\">Shop</a>")]
    public void Evaluate_WordsOrNoPictureOrNoLink_DoesNotFire(string html)
    {
        Assert.Empty(_sut.Evaluate(Html(html)));
    }

    [Fact]
    public void Evaluate_PlainTextBody_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("Hi", "https://short.example/x")));
    }

    private static ScannedMessage Html(string body) => TestMail.Read(TestMail.Parse(
        $"From: news@partner.example\r\nTo: alice@contoso.example\r\nSubject: Offer\r\nContent-Type: text/html\r\n\r\n<html><body>{body}</body></html>\r\n"));
}
