using System.IO.Compression;
using System.Text;
using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class EicarTestFileRuleTests
{
    // Assembled at run time so that no file in the repository is the test virus itself.
    internal static readonly byte[] Eicar = Encoding.ASCII.GetBytes(
        string.Concat(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"));

    [Fact]
    public void Scan_EicarAttached_IsMaliciousMalware()
    {
        var verdict = TestMail.Engine().Scan(new ScanInput(WithAttachment(Eicar, "eicar.com")));

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.Equal(ThreatCategory.Malware, verdict.Category);
        Assert.Contains(EicarTestFileRule.Name, verdict.RuleNames);
    }

    [Fact]
    public void Evaluate_EicarInsideZip_Fires()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("eicar.com").Open();
            entry.Write(Eicar);
        }

        var hit = Assert.Single(new EicarTestFileRule().Evaluate(TestMail.Read(WithAttachment(zip.ToArray(), "eicar_com.zip"))));

        Assert.Contains("eicar.com in", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EicarStringNotAtStart_DoesNotFire()
    {
        var shifted = Encoding.ASCII.GetBytes("Our AV test string is ").Concat(Eicar).ToArray();

        Assert.Empty(new EicarTestFileRule().Evaluate(TestMail.Read(WithAttachment(shifted, "notes.txt"))));
    }

    internal static MimeMessage WithAttachment(byte[] content, string fileName)
    {
        var body = new BodyBuilder { TextBody = "See attached." };
        body.Attachments.Add(fileName, content);
        var message = new MimeMessage { Subject = "File", Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("bob@partner.example"));
        message.To.Add(MailboxAddress.Parse("alice@contoso.example"));
        return message;
    }

    [Fact]
    public void Evaluate_EicarAttached_NamesTheAttachment()
    {
        var hit = Assert.Single(new EicarTestFileRule().Evaluate(TestMail.Read(WithAttachment(Eicar, "eicar.com"))));

        Assert.Equal(20, hit.Weight);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.Equal("Attachment \"eicar.com\" is the EICAR test file.", hit.Reason);
    }

    [Fact]
    public void Evaluate_EicarInsideZip_NamesTheEntryAndTheArchive()
    {
        var zip = RuleMail.Zip(("readme.txt", Encoding.ASCII.GetBytes("hello")), ("eicar.com", Eicar));

        var hit = Assert.Single(new EicarTestFileRule().Evaluate(TestMail.Read(WithAttachment(zip, "test.zip"))));

        Assert.Equal("Attachment eicar.com in \"test.zip\" is the EICAR test file.", hit.Reason);
    }

    [Fact]
    public void Evaluate_ZipWithoutEicar_DoesNotFire()
    {
        var zip = RuleMail.Zip(("readme.txt", Encoding.ASCII.GetBytes("hello")));

        Assert.Empty(new EicarTestFileRule().Evaluate(TestMail.Read(WithAttachment(zip, "docs.zip"))));
    }

    [Fact]
    public void Evaluate_EicarAfterAPlainAttachmentAndTwice_OneHitForTheFirstCopy()
    {
        var message = RuleMail.ReadAttachments(("notes.txt", Encoding.ASCII.GetBytes("notes")), ("one.com", Eicar), ("two.com", Eicar));

        var hit = Assert.Single(new EicarTestFileRule().Evaluate(message));

        Assert.Contains("\"one.com\"", hit.Reason, StringComparison.Ordinal);
    }
}
