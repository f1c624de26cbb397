using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class OfficeMacroRuleTests
{
    private readonly OfficeMacroRule _sut = new();

    [Fact]
    public void Evaluate_DocxWithVbaProject_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "word-with-macros.eml")));

        Assert.Equal(OfficeMacroRule.Name, hit.Rule);
        Assert.Contains("salary-review.docx", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DocxWithoutVbaProject_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Attachments", "word-without-macros.eml")));
    }
}
