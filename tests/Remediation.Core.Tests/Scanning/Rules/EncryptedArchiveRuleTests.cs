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
}
