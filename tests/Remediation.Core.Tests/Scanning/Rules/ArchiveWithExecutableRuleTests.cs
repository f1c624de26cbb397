using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ArchiveWithExecutableRuleTests
{
    private readonly ArchiveWithExecutableRule _sut = new();

    [Fact]
    public void Evaluate_ZipHoldingExecutableNamedPdf_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "zip-with-executable.eml")));

        Assert.Equal(ArchiveWithExecutableRule.Name, hit.Rule);
        Assert.Contains("Invoice_4411.pdf", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ZipWithTextFiles_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Attachments", "zip-with-documents.eml")));
    }
}
