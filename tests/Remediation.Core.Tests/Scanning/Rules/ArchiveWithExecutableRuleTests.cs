using Remediation.Core.Scanning;
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

    [Fact]
    public void Evaluate_EntryExecutableByContent_SaysSoAndNamesTheEntry()
    {
        var zip = RuleMail.Zip(("readme.txt", RuleMail.Executable));

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("bundle.zip", zip))));

        Assert.Equal(10, hit.Weight);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.Equal("Archive \"bundle.zip\" holds readme.txt, a PortableExecutable by its content.", hit.Reason);
    }

    [Theory]
    [InlineData("run.js")]
    [InlineData("setup.iso")]
    public void Evaluate_EntryExecutableOnlyByName_SaysItIsTheName(string entry)
    {
        var zip = RuleMail.Zip((entry, RuleMail.Ascii("just text")));

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("bundle.zip", zip))));

        Assert.Equal($"Archive \"bundle.zip\" holds {entry}, executable by its name.", hit.Reason);
    }

    [Fact]
    public void Evaluate_ArchiveAfterAPlainAttachment_StillFound()
    {
        var zip = RuleMail.Zip(("notes.txt", RuleMail.Ascii("notes")), ("tool.exe", RuleMail.Executable));

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("notes.txt", RuleMail.Ascii("notes")), ("bundle.zip", zip))));

        Assert.Contains("holds tool.exe", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TwoArchivesWithExecutables_OneHitForTheFirst()
    {
        var first = RuleMail.Zip(("a.exe", RuleMail.Executable));
        var second = RuleMail.Zip(("b.exe", RuleMail.Executable));

        var hit = Assert.Single(_sut.Evaluate(RuleMail.ReadAttachments(("first.zip", first), ("second.zip", second))));

        Assert.Contains("\"first.zip\"", hit.Reason, StringComparison.Ordinal);
    }
}
