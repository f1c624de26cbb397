using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class HtmlLoginFormAttachmentRuleTests
{
    private readonly HtmlLoginFormAttachmentRule _sut = new();

    [Fact]
    public void Evaluate_HtmlWithPasswordField_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "html-login-form.eml")));

        Assert.Equal(HtmlLoginFormAttachmentRule.Name, hit.Rule);
        Assert.Contains("secure-message.html", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HtmlWithSearchForm_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Attachments", "html-search-form.eml")));
    }
}
