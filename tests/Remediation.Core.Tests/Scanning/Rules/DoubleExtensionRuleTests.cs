using Remediation.Core.Scanning;
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

    [Theory]
    [InlineData("report.docx.exe", "Attachment \"report.docx.exe\" poses as .docx but is .exe.")]
    [InlineData("scan.pdf.iso", "Attachment \"scan.pdf.iso\" poses as .pdf but is .iso.")]
    [InlineData("statement            .scr", "Attachment \"statement            .scr\" poses as .a document but is .scr.")]
    [InlineData("invoice.pdf         .exe", "Attachment \"invoice.pdf         .exe\" poses as .pdf but is .exe.")]
    public void Evaluate_DocumentNameHidingAnExecutable_SaysWhatItPosesAs(string name, string reason)
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments((name, RuleMail.Ascii("payload")))));

        Assert.Equal(6, hit.Weight);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.Equal(reason, hit.Reason);
    }

    [Fact]
    public void Evaluate_RightToLeftOverride_Fires()
    {
        var name = "invoice\u202Efdp.exe";

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments((name, RuleMail.Ascii("payload")))));

        Assert.Equal(6, hit.Weight);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.Equal($"Attachment name \"{name}\" hides its extension with a right-to-left override.", hit.Reason);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("tool.v2.exe")]
    [InlineData("notes  .exe")]
    [InlineData("report.pdf.txt")]
    [InlineData("report.pdf")]
    public void Evaluate_NameThatHidesNothing_DoesNotFire(string name)
    {
        Assert.Empty(_sut.Evaluate(RuleMail.ReadAttachments((name, RuleMail.Ascii("payload")))));
    }

    [Fact]
    public void Evaluate_SeveralDisguisedNames_OneHitForTheFirst()
    {
        var message = RuleMail.ReadAttachments(("notes.txt", RuleMail.Ascii("n")), ("a\u202Etxt.exe", RuleMail.Ascii("p")), ("b.pdf.exe", RuleMail.Ascii("p")), ("c.doc.exe", RuleMail.Ascii("p")));

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Contains("right-to-left", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TwoDoubleExtensions_OneHitForTheFirst()
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("b.pdf.exe", RuleMail.Ascii("p")), ("c.doc.exe", RuleMail.Ascii("p")))));

        Assert.Contains("b.pdf.exe", hit.Reason, StringComparison.Ordinal);
    }
}
