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
}
