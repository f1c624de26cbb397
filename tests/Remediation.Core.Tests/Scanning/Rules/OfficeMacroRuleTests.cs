using Remediation.Core.Scanning;
using System.Text;
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

    private static readonly byte[] CompoundHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

    [Fact]
    public void Evaluate_LegacyDocumentWithVbaStream_Fires()
    {
        var doc = CompoundHeader.Concat(Encoding.Unicode.GetBytes("Root Entry\0_VBA_PROJECT\0")).ToArray();

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("notes.txt", RuleMail.Ascii("n")), ("legacy.doc", doc))));

        Assert.Equal(6, hit.Weight);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.Equal("Attachment \"legacy.doc\" is an Office document with macros.", hit.Reason);
    }

    [Fact]
    public void Evaluate_LegacyDocumentWithoutVbaStream_DoesNotFire()
    {
        var doc = CompoundHeader.Concat(Encoding.Unicode.GetBytes("Root Entry\0WordDocument\0")).ToArray();

        Assert.Empty(_sut.Evaluate(RuleMail.ReadAttachments(("legacy.doc", doc))));
    }

    [Fact]
    public void Evaluate_VbaStreamNameInAFileThatIsNoCompoundDocument_DoesNotFire()
    {
        var text = Encoding.Unicode.GetBytes("notes about _VBA_PROJECT streams");

        Assert.Empty(_sut.Evaluate(RuleMail.ReadAttachments(("notes.bin", text))));
    }

    [Fact]
    public void Evaluate_MacroEnabledNames_OneHitForTheFirst()
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("budget.xlsm", RuleMail.Ascii("x")), ("letter.docm", RuleMail.Ascii("x")))));

        Assert.Equal("Attachment \"budget.xlsm\" is an Office document with macros.", hit.Reason);
    }
}
