using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class EncryptedArchiveRuleTests
{
    private readonly EncryptedArchiveRule _sut = new();

    [Fact]
    public void Evaluate_PasswordProtectedZip_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "encrypted-zip.eml")));

        Assert.Equal(EncryptedArchiveRule.Name, hit.Rule);
        Assert.Contains("password-protected", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CorruptZip_Fires()
    {
        var corrupt = "PK\u0003\u0004"u8.ToArray().Concat(Enumerable.Repeat((byte)0x5A, 64)).ToArray();

        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(EicarTestFileRuleTests.WithAttachment(corrupt, "invoice.zip"))));

        Assert.Contains("cannot be opened", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PlainZip_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Attachments", "zip-with-documents.eml")));
    }

    [Fact]
    public void Evaluate_PasswordProtectedZip_SaysWhyItCannotBeChecked()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Attachments", "encrypted-zip.eml")));

        Assert.Equal(3, hit.Weight);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.EndsWith("\" is password-protected, so its content cannot be checked.", hit.Reason, StringComparison.Ordinal);
        Assert.StartsWith("Archive \"", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CorruptZipAfterAPlainAttachmentAndTwice_OneHitForTheFirst()
    {
        var corrupt = "PK\u0003\u0004"u8.ToArray().Concat(Enumerable.Repeat((byte)0x5A, 64)).ToArray();

        var hits = _sut.Evaluate(RuleMail.ReadAttachments(("notes.txt", RuleMail.Ascii("notes")), ("one.zip", corrupt), ("two.zip", corrupt)));

        Assert.Equal("Archive \"one.zip\" cannot be opened, so its content cannot be checked.", Assert.Single(hits).Reason);
    }
}
