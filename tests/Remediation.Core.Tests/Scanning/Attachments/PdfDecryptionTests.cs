using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

/// <summary>
/// Locked PDFs as a real writer locks them (qpdf, every standard security handler revision a lure meets), opened with
/// the password their message gives; see TestData/LockedPdf.
/// </summary>
public sealed class PdfDecryptionTests
{
    private const string Link = "https://invoice-review.pages.dev/open";

    public static TheoryData<string> Locked => ["rc4-40.pdf", "rc4-128.pdf", "aes-128.pdf", "aes-256.pdf", "aes-256-objstm.pdf"];

    [Theory]
    [MemberData(nameof(Locked))]
    public void Open_TheUserPassword_ReadsTheLinkTheLockHid(string file)
    {
        var pdf = Load(file);
        Assert.True(PdfDecryption.IsEncrypted(pdf));
        Assert.DoesNotContain(Link, PdfLinks.In(pdf, 1 << 20));

        var opened = PdfDecryption.Open(pdf, "4821");

        Assert.NotNull(opened);
        Assert.Contains(Link, PdfLinks.In(opened, 1 << 20));
    }

    [Theory]
    [MemberData(nameof(Locked))]
    public void Open_AnotherPassword_OpensNothing(string file)
    {
        Assert.Null(PdfDecryption.Open(Load(file), "4822"));
        Assert.Null(PdfDecryption.Open(Load(file), ""));
    }

    [Theory]
    [InlineData("2 0 obj << /Filter /Standard /V 5 /R 6 /O <00> /U <0011> /UE <22> /P -4 >> endobj")]
    [InlineData("2 0 obj << /Filter /Standard /V 2 /R 3 /O (x) /U (y) /P -4 >> endobj")]
    [InlineData("2 0 obj << /Filter /Standard /V 9 /R 9 /O (x) /U (y) >> endobj")]
    [InlineData("2 0 obj << /Filter /Standard /V 4 /R 4 /O <zz> >> endobj")]
    [InlineData("2 0 obj << /Filter /Adobe.PubSec /V 4 /R 4 >> endobj")]
    public void Open_ForgedOrForeignLock_OpensNothingAndThrowsNothing(string encryption)
    {
        var pdf = System.Text.Encoding.Latin1.GetBytes($"%PDF-1.7\n1 0 obj << /URI <0badc0de> >> endobj\n{encryption}\ntrailer << /Root 1 0 R /Encrypt 2 0 R /ID [<ff><ff>] >>\n%%EOF\n");

        Assert.Null(PdfDecryption.Open(pdf, "4821"));
        Assert.Null(PdfDecryption.Open(pdf, ""));
    }

    [Fact]
    public void Open_StreamLengthsPastTheEnd_ReadsToEndstreamInstead()
    {
        var text = System.Text.Encoding.Latin1.GetString(Load("rc4-40.pdf"));
        var lying = System.Text.RegularExpressions.Regex.Replace(text, @"/Length [0-9]+", "/Length 2147483647");

        var opened = PdfDecryption.Open(System.Text.Encoding.Latin1.GetBytes(lying), "4821");

        Assert.NotNull(opened);
        Assert.Contains(Link, PdfLinks.In(opened, 1 << 20));
    }

    [Fact]
    public void Open_PdfWithoutALock_IsNotOpened()
    {
        var plain = System.Text.Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj << /Type /Annot /A << /URI (https://example.com/) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        Assert.False(PdfDecryption.IsEncrypted(plain));
        Assert.Null(PdfDecryption.Open(plain, "4821"));
    }

    private static byte[] Load(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "LockedPdf", file));
}
