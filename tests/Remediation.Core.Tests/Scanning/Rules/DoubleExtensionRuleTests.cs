using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class DoubleExtensionRuleTests
{
    private readonly DoubleExtensionRule _sut = new();

    [Fact]
    public void Evaluate_DocumentExtensionBeforeExe_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "double-extension.eml")));

        Assert.Equal(DoubleExtensionRule.Name, hit.Rule);
        Assert.Contains("invoice.pdf.exe", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TwoHarmlessExtensions_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Attachments", "archive-name-with-two-extensions.eml")));
    }
}
