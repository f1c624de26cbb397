using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ExecutableAttachmentRuleTests
{
    private readonly ExecutableAttachmentRule _sut = new();

    [Fact]
    public void Evaluate_WindowsExecutableNamedPdf_FiresByContent()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "executable-named-as-pdf.eml")));

        Assert.Equal(10, hit.Weight);
        Assert.Contains("PortableExecutable", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ScriptNamedJs_FiresByName()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "script-by-name.eml")));

        Assert.Equal(8, hit.Weight);
        Assert.Contains(".js", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TextAttachment_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Attachments", "text-attachment.eml")));
    }
}
