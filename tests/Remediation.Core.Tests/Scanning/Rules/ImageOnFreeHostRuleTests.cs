using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ImageOnFreeHostRuleTests
{
    private readonly ImageOnFreeHostRule _sut = new();

    [Theory]
    [InlineData("https://i.imgur.com/a1b2c3.png", "imgur.com", "i.imgur.com")]
    [InlineData("https://zupimages.net/up/24/11/qk56.png", "zupimages.net", "zupimages.net")]
    [InlineData("//i.postimg.cc/x/offer.jpg", "postimg.cc", "i.postimg.cc")]
    [InlineData("http://i.ibb.co/abc/banner.png", "ibb.co", "i.ibb.co")]
    public void Evaluate_PictureOnAFreeImageHost_Fires(string source, string host, string shownHost)
    {
        var hit = Assert.Single(_sut.Evaluate(Html($"<p>Our offer</p><a href=\"https://shop.example/\"><img src=\"{source}\"></a>")));

        Assert.Equal(2, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Equal($"The body's pictures are served from the free image host {host} ({shownHost}).", hit.Reason);
    }

    [Theory]
    [InlineData("imgur.com")]
    [InlineData("zupimages.net")]
    [InlineData("postimg.cc")]
    [InlineData("postimages.org")]
    [InlineData("ibb.co")]
    [InlineData("imgbb.com")]
    [InlineData("top4top.io")]
    [InlineData("imageshack.com")]
    [InlineData("imagebam.com")]
    [InlineData("pixhost.to")]
    [InlineData("imgbox.com")]
    [InlineData("freeimage.host")]
    [InlineData("prnt.sc")]
    [InlineData("gyazo.com")]
    [InlineData("lensdump.com")]
    public void Evaluate_PictureOnEachListedHost_NamesTheHost(string host)
    {
        var hit = Assert.Single(_sut.Evaluate(Html($"<img src=\"https://i.{host}/offer.png\">")));

        Assert.Equal($"The body's pictures are served from the free image host {host} (i.{host}).", hit.Reason);
    }

    // The sender's own pictures, its mailing service's, inline ones, and a link (not a picture) to an image host.
    [Theory]
    [InlineData("<img src=\"https://cdn.partner.example/banner.png\">")]
    [InlineData("<img src=\"https://mcusercontent.com/abc/images/banner.png\">")]
    [InlineData("<img src=\"cid:logo@partner.example\">")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\">")]
    [InlineData("<img src=\"ftp://i.imgur.com/a.png\">")]
    [InlineData("<img src=\"https://imgur.com.partner.example/a.png\">")]
    [InlineData("<a href=\"https://imgur.com/gallery/x\">See the photos</a>")]
    public void Evaluate_PictureElsewhereOrOnlyALink_DoesNotFire(string html)
    {
        Assert.Empty(_sut.Evaluate(Html(html)));
    }

    [Fact]
    public void Evaluate_SeveralPictures_NamesTheFirstOnAFreeHost()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("<img src=\"https://cdn.partner.example/a.png\"><img src=\"https://i.imgur.com/b.png\"><img src=\"https://zupimages.net/c.png\">")));

        Assert.Contains("imgur.com (i.imgur.com)", hit.Reason, StringComparison.Ordinal);
    }

    private static ScannedMessage Html(string body) => TestMail.Read(TestMail.Parse(
        $"From: news@partner.example\r\nTo: alice@contoso.example\r\nSubject: Offer\r\nContent-Type: text/html\r\n\r\n<html><body>{body}</body></html>\r\n"));
}
