using Remediation.Core.Scanning;
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

    [Fact]
    public void Evaluate_HtmlWithPasswordField_IsPhishingAndNamesTheFile()
    {
        var html = RuleMail.Ascii("<html><body><form><input name=\"p\" type=\"password\"></form></body></html>");

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("notes.txt", RuleMail.Ascii("n")), ("login.html", html))));

        Assert.Equal(6, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("HTML attachment \"login.html\" asks for a password.", hit.Reason);
    }

    [Fact]
    public void Evaluate_PasswordFieldInATextFile_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(RuleMail.ReadAttachments(("snippet.txt", RuleMail.Ascii("Use <input type=\"password\"> in the form.")))));
    }
}
