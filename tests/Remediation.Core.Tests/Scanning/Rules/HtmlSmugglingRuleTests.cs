using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class HtmlSmugglingRuleTests
{
    private readonly HtmlSmugglingRule _sut = new();

    [Fact]
    public void Evaluate_HtmlDecodingIntoBlobDownload_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "html-smuggling.eml")));

        Assert.Equal(HtmlSmugglingRule.Name, hit.Rule);
        Assert.Contains("atob", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HtmlWithHarmlessScript_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Attachments", "html-with-plain-script.eml")));
    }

    [Fact]
    public void Evaluate_DecodeAndDeliver_NamesBothCalls()
    {
        var html = RuleMail.Ascii("<html><script>var b = atob(data); var x = new Blob([b]);</script></html>");

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("page.html", html))));

        Assert.Equal(8, hit.Weight);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.Equal("HTML attachment \"page.html\" decodes content (atob) and delivers it (new Blob).", hit.Reason);
    }

    [Fact]
    public void Evaluate_FirstHtmlOnlyDeliversSecondSmuggles_FiresForTheSecond()
    {
        var delivers = RuleMail.Ascii("<html><script>eval(code);</script></html>");
        var smuggles = RuleMail.Ascii("<html><script>document.write(unescape(s));</script></html>");

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("a.html", delivers), ("b.html", smuggles))));

        Assert.Equal("HTML attachment \"b.html\" decodes content (unescape) and delivers it (document.write).", hit.Reason);
    }

    [Fact]
    public void Evaluate_DecodesWithoutDelivering_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(RuleMail.ReadAttachments(("page.html", RuleMail.Ascii("<html><script>var s = atob(x); console.log(s);</script></html>")))));
    }

    [Fact]
    public void Evaluate_TwoSmugglingPages_OneHitForTheFirst()
    {
        var html = RuleMail.Ascii("<html><script>eval(atob(x));</script></html>");

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("a.html", html), ("b.html", html))));

        Assert.Contains("\"a.html\"", hit.Reason, StringComparison.Ordinal);
    }
}
