using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ContentOutOfViewRuleTests
{
    private readonly ContentOutOfViewRule _sut = new();

    [Fact]
    public void Evaluate_NewsletterPushedBelowALinkedPicture_FiresWithTheDeclaration()
    {
        var hit = Assert.Single(_sut.Evaluate(Html(
            "<a href=\"https://prize.example/claim.php\"><img src=\"https://cdn.example/reward.png\"></a>" +
            "<style>.below { margin-top: 380000px; }</style><div class=\"below\">Thanks for reading our weekly garden notes.</div>")));

        Assert.Equal(3, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Equal("Part of the body is placed out of the reader's view (margin-top: 380000px), where filters read it and people do not.", hit.Reason);
    }

    [Theory]
    [InlineData("<div style=\"display:none;max-height:0;overflow:hidden\">Preview line</div><p>Our spring catalogue is out.</p>")]
    [InlineData("<table style=\"height:100%;min-height:600px\"><tr><td style=\"padding-top:40px\">Your receipt</td></tr></table>")]
    public void Evaluate_OrdinaryNewsletterLayout_DoesNotFire(string body)
    {
        Assert.Empty(_sut.Evaluate(Html(body)));
    }

    [Fact]
    public void Evaluate_PlainTextNamingTheStyle_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("CSS question", "Why would anyone write .x { margin-top: 380000px } in a mail?")));
    }

    private static ScannedMessage Html(string body) => RuleMail.Html($"<html><body>{body}</body></html>", subject: "Weekly notes");
}
