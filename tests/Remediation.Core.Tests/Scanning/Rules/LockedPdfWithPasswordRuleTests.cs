using System.Text;
using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class LockedPdfWithPasswordRuleTests
{
    private static readonly byte[] EncryptedPdf = Encoding.Latin1.GetBytes(
        "%PDF-1.6\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Filter /Standard /V 2 /R 3 /O (x) /U (y) /P -4 >> endobj\n" +
        "trailer << /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n");

    private static readonly byte[] PlainPdf = Encoding.Latin1.GetBytes(
        "%PDF-1.6\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private readonly LockedPdfWithPasswordRule _sut = new();

    [Theory]
    [InlineData("Your statement is attached. Password: 4821")]
    [InlineData("The password for the document is 7731.")]
    [InlineData("Segue o comprovante em anexo. Senha do PDF: 123")]
    [InlineData("Im Anhang finden Sie die Rechnung. Passwort: 2024")]
    [InlineData("Le document est joint. Mot de passe : rx2281")]
    [InlineData("Veja as instruções no anexo. Senha do PDF 4455")]
    [InlineData("Para abrir, use a senha de acesso ao arquivo: 5307")]
    [InlineData("Veja o PDF. Senha para abrir o documento em anexo: 4471")]
    public void Evaluate_EncryptedPdfAndItsPasswordInTheText_Fires(string body)
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(With(EncryptedPdf, body))));

        Assert.Equal(LockedPdfWithPasswordRule.Name, hit.Rule);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Contains("statement.pdf", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Your statement is attached. The password is your date of birth (DDMMYYYY).")]
    [InlineData("Your statement is attached. Password: your customer number")]
    [InlineData("Your statement is attached; open it with the password we sent you by text message.")]
    [InlineData("Your statement is attached. The password is the last 4 digits of your phone.")]
    public void Evaluate_EncryptedPdfWhosePasswordIsOnlyDescribed_DoesNotFire(string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read(With(EncryptedPdf, body))));
    }

    [Fact]
    public void Read_RealLockedPdfAndItsPassword_OpensItAndItsLinkIsTheMessages()
    {
        var message = TestMail.Read(With(LockedByQpdf(), "Your statement is attached. Password: 4821"));

        Assert.Contains(new Uri("https://invoice-review.pages.dev/open"), message.AttachmentLinks);
        Assert.Equal("4821", Assert.Single(message.Attachments).OpenedWith);
        Assert.Contains("opened with it", Assert.Single(_sut.Evaluate(message)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RealLockedPdfWithoutItsPassword_StaysShut()
    {
        var message = TestMail.Read(With(LockedByQpdf(), "Your statement is attached. Password: 1234"));

        Assert.Empty(message.AttachmentLinks);
        Assert.Null(Assert.Single(message.Attachments).OpenedWith);
        Assert.DoesNotContain("opened", Assert.Single(_sut.Evaluate(message)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PlainPdfBesideAPassword_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read(With(PlainPdf, "Your new Wi-Fi password: guest2024"))));
    }

    // A one-page PDF locked with AES-256 by qpdf under the user password 4821 (TestData/LockedPdf).
    private static byte[] LockedByQpdf() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "LockedPdf", "aes-256.pdf"));

    private static MimeMessage With(byte[] pdf, string text)
    {
        var body = new BodyBuilder { TextBody = text };
        body.Attachments.Add("statement.pdf", pdf, new ContentType("application", "pdf"));
        var message = new MimeMessage { Subject = "Statement", Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("billing@partner.example"));
        message.To.Add(MailboxAddress.Parse("alice@contoso.example"));
        return message;
    }

    [Fact]
    public void Evaluate_EncryptedPdfAndItsPassword_QuotesThePassword()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(With(EncryptedPdf, "Your statement is attached. Password: 4821"))));

        Assert.Equal(4, hit.Weight);
        Assert.Equal("PDF \"statement.pdf\" is encrypted and the message gives its password (\"Password: 4821\"): the lock keeps out only the scanners.", hit.Reason);
    }

    [Theory]
    [InlineData("Password: 12")]
    [InlineData("Password: a1b2c3d4e5f6g7h8i")]
    public void Evaluate_ValueTooShortOrTooLongForAPassword_DoesNotFire(string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read(With(EncryptedPdf, body))));
    }

    [Theory]
    [InlineData("Password: 123")]
    [InlineData("Password: a1b2c3d4e5f6g7h8")]
    public void Evaluate_ValueOfThreeToSixteenCharacters_Fires(string body)
    {
        Assert.Single(_sut.Evaluate(TestMail.Read(With(EncryptedPdf, body))));
    }

    [Fact]
    public void Evaluate_PasswordAfterANumberTooShort_QuotesTheRealOneOnce()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(With(EncryptedPdf, "Old password: 12. New password: 4821, backup password: 7777"))));

        Assert.Contains("(\"password: 4821\")", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EncryptionMarkerInAFileThatIsNoPdf_DoesNotFire()
    {
        var body = new BodyBuilder { TextBody = "Password: 4821" };
        body.Attachments.Add("notes.txt", EncryptedPdf[5..]);
        var message = new MimeMessage { Subject = "Statement", Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("billing@partner.example"));

        Assert.Empty(_sut.Evaluate(TestMail.Read(message)));
    }
}
