using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class BorrowedHostsOnlyRuleTests
{
    private readonly BorrowedHostsOnlyRule _sut = new();

    [Fact]
    public void Evaluate_ShortenerImageHostAndBareIp_NamesTheKindsAndHosts()
    {
        var hit = Assert.Single(_sut.Evaluate(Html(
            "<img src=\"http://162.254.35.160/track/3pB\" width=\"1\"><a href=\"https://t.co/1msRLF\"><img src=\"https://zupimages.net/up/24/11/qk56.png\"></a>")));

        Assert.Equal(2, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Equal("Every link and picture is on borrowed ground (URL shorteners, bare IP addresses, free image hosts): t.co, 162.254.35.160, zupimages.net; none is on a site of the sender's own.", hit.Reason);
    }

    [Theory]
    [InlineData("<a href=\"https://offer-x.web.app/\">Open</a> <a href=\"https://bit.ly/x\">Or here</a>")] // free hosting, shortener
    [InlineData("<a href=\"https://bit.ly/x\">Open</a><img src=\"//i.imgur.com/a.png\"><a href=\"mailto:help@partner.example\">Mail</a><img src=\"cid:logo\">")] // mail and inline pictures are not the web
    [InlineData("<a href=\"http://[2001:db8::1]/login\">Open</a><img src=\"https://i.ibb.co/a.png\">")] // a bare IPv6 address
    public void Evaluate_TwoKindsOfBorrowedGroundAndNothingElse_Fires(string html)
    {
        Assert.Single(_sut.Evaluate(Html(html)));
    }

    [Theory]
    [InlineData("<a href=\"https://bit.ly/x\">Open</a> <a href=\"https://tinyurl.com/y\">Or here</a>")] // one kind only
    [InlineData("<a href=\"https://bit.ly/x\">Open</a><img src=\"https://i.imgur.com/a.png\"><a href=\"https://www.partner.example/\">Home</a>")] // a site of its own
    [InlineData("<img src=\"https://i.imgur.com/a.png\"><img src=\"https://cdn.partner.example/logo.png\"><a href=\"https://bit.ly/x\">Open</a>")] // its own picture
    [InlineData("<p>No links, no pictures.</p>")]
    public void Evaluate_OneKindOrSomethingOfItsOwnOrNothing_DoesNotFire(string html)
    {
        Assert.Empty(_sut.Evaluate(Html(html)));
    }

    private static ScannedMessage Html(string body) => TestMail.Read(TestMail.Parse(
        $"From: news@partner.example\r\nTo: alice@contoso.example\r\nSubject: Offer\r\nContent-Type: text/html\r\n\r\n<html><body>{body}</body></html>\r\n"));
}
