using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class FileUrlLinkRuleTests
{
    private readonly FileUrlLinkRule _sut = new();

    [Fact]
    public void Evaluate_RemoteFileLinkWithMoniker_IsMalware()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "file-link-with-moniker.eml")));

        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.True(hit.Weight >= 10);
    }

    [Fact]
    public void Evaluate_FileLinkToRemoteShare_IsPhishingEvidence()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "file-link-to-remote-share.eml")));

        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal(4, hit.Weight);
    }

    [Fact]
    public void Evaluate_FileUrlOnLocalDisk_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Links", "file-link-to-local-disk.eml")));
    }

    [Theory]
    [InlineData(@"file://fileserver/share/a.docx")]
    [InlineData(@"file:///\\198.51.100.5\share\a.rtf")]
    [InlineData(@"file:////fileserver/share/a.docx")]
    [InlineData(@"see file:///C:/x.txt and FILE://localhostx/share")]
    public void Evaluate_FileUrlToAnotherMachineInText_Fires(string text)
    {
        Assert.Equal(FileUrlLinkRule.Name, Assert.Single(_sut.Evaluate(TestMail.FromText("files", text))).Rule);
    }

    [Theory]
    [InlineData(@"file:///C:/Users/alice/a.docx")]
    [InlineData(@"file://localhost/c$/a.docx")]
    [InlineData(@"file://c:/a.docx")]
    [InlineData(@"file:///")]
    public void Evaluate_FileUrlOnThisMachineInText_DoesNotFire(string text)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("files", text)));
    }

    [Fact]
    public void Evaluate_MonikerLink_SaysItIsTheExploit()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "file-link-with-moniker.eml")));

        Assert.Equal(12, hit.Weight);
        Assert.Equal(@"A file:// link with a ""!"" moniker (file:///\\198.51.100.5\share\invoice.rtf!exploit): the MonikerLink exploit.", hit.Reason);
    }

    [Fact]
    public void Evaluate_RemoteShareInText_SaysCredentialsGoThere()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("files", "Open file://fileserver/share/a.docx today")));

        Assert.Equal("A file:// link to another machine (file://fileserver/share/a.docx) would send the reader's credentials there.", hit.Reason);
    }

    [Fact]
    public void Evaluate_UrlOfEightyCharacters_ShownWhole()
    {
        var url = "file://fileserver/" + new string('a', 80 - "file://fileserver/".Length);

        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("files", url)));

        Assert.Contains($"({url})", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LongerUrl_CutAtEightyCharacters()
    {
        var url = "file://fileserver/" + new string('a', 81 - "file://fileserver/".Length);

        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("files", url)));

        Assert.Contains($"({url[..80]}…)", hit.Reason, StringComparison.Ordinal);
    }
}
