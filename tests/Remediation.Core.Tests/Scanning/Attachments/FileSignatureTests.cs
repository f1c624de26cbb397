using System.Text;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

public class FileSignatureTests
{
    private const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    [Theory]
    [InlineData("4D5A9000", FileKind.PortableExecutable)]
    [InlineData("7F454C4602010100", FileKind.Elf)]
    [InlineData("FEEDFACE07000000", FileKind.MachO)]
    [InlineData("FEEDFACF07000001", FileKind.MachO)]
    [InlineData("CEFAEDFE07000000", FileKind.MachO)]
    [InlineData("CFFAEDFE07000001", FileKind.MachO)]
    [InlineData("23212F62696E2F7368", FileKind.ShellScript)]
    [InlineData("2321202F62696E2F7368", FileKind.ShellScript)]
    [InlineData("4C0000000114020000000000", FileKind.ShellLink)]
    [InlineData("504B030414000000", FileKind.Zip)]
    [InlineData("504B050600000000", FileKind.Zip)]
    [InlineData("D0CF11E0A1B11AE100000000", FileKind.CompoundDocument)]
    [InlineData("255044462D312E37", FileKind.Pdf)]
    [InlineData("526172211A0700", FileKind.OtherArchive)]
    [InlineData("377ABCAF271C0004", FileKind.OtherArchive)]
    [InlineData("1F8B080000000000", FileKind.OtherArchive)]
    public void Detect_LeadingBytes_NameTheKind(string hex, FileKind expected)
    {
        Assert.Equal(expected, FileSignature.Detect(Convert.FromHexString(hex)));
    }

    // Readers find a PDF's header anywhere in its first kilobyte; bytes put ahead of it are there to hide it from filters.
    [Theory]
    [InlineData(1, FileKind.Pdf)]
    [InlineData(180, FileKind.Pdf)]
    [InlineData(1019, FileKind.Pdf)]
    [InlineData(1020, FileKind.Unknown)]
    public void Detect_PdfHeaderAfterJunk_IsAPdfWithinTheFirstKilobyte(int junk, FileKind expected)
    {
        var content = Enumerable.Repeat((byte)0x89, junk).Concat("%PDF-1.7\n1 0 obj\n"u8.ToArray()).ToArray();

        Assert.Equal(expected, FileSignature.Detect(content));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4D5A")]
    [InlineData("4D5A90")]
    [InlineData("7F454C")]
    public void Detect_FewerThanFourBytes_IsUnknown(string hex)
    {
        Assert.Equal(FileKind.Unknown, FileSignature.Detect(Convert.FromHexString(hex)));
    }

    [Theory]
    [InlineData("4D00000000")]
    [InlineData("005A000000")]
    [InlineData("7F454C00")]
    [InlineData("FEEDFA00")]
    [InlineData("23212062")]
    [InlineData("4C00000001140201")]
    [InlineData("4C00000001140300")]
    [InlineData("504B0305")]
    [InlineData("504B0106")]
    [InlineData("D0CF11E0A1B11A00")]
    [InlineData("25504400")]
    [InlineData("52617200")]
    [InlineData("377ABCAF271D")]
    [InlineData("1F8C0800")]
    [InlineData("48656C6C6F2C20776F726C64")]
    public void Detect_BytesThatOnlyResembleASignature_AreUnknown(string hex)
    {
        Assert.Equal(FileKind.Unknown, FileSignature.Detect(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Detect_IsoVolumeDescriptor_IsADiskImage()
    {
        var image = new byte[0x8006];
        Encoding.ASCII.GetBytes("CD001").CopyTo(image, 0x8001);

        Assert.Equal(FileKind.DiskImage, FileSignature.Detect(image));
    }

    [Fact]
    public void Detect_ContentEndingBeforeTheWholeIsoMark_IsUnknown()
    {
        var image = new byte[0x8005];
        Encoding.ASCII.GetBytes("CD00").CopyTo(image, 0x8001);

        Assert.Equal(FileKind.Unknown, FileSignature.Detect(image));
    }

    [Fact]
    public void Detect_OtherBytesWhereTheIsoMarkBelongs_IsUnknown()
    {
        var image = new byte[0x9000];
        Encoding.ASCII.GetBytes("CD002").CopyTo(image, 0x8001);

        Assert.Equal(FileKind.Unknown, FileSignature.Detect(image));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>hi</body></html>")]
    [InlineData("<!doctype HTML>")]
    [InlineData("<HTML><body>")]
    [InlineData("<script>location='x'</script>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData(" \t\r\n<html>")]
    [InlineData("\uFEFF<html>")]
    [InlineData("\uFEFF \r\n<Script>")]
    [InlineData("<svg")]
    [InlineData("<html")]
    public void Detect_Markup_IsHtml(string text)
    {
        Assert.Equal(FileKind.Html, FileSignature.Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><note/>")]
    [InlineData("plain text <html>")]
    [InlineData("<htm")]
    [InlineData("<body><p>hi</p></body>")]
    public void Detect_OtherText_IsUnknown(string text)
    {
        Assert.Equal(FileKind.Unknown, FileSignature.Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Detect_MarkupWithinTheFirst512Bytes_IsHtml()
    {
        var text = new string(' ', 507) + "<html>";

        Assert.Equal(FileKind.Html, FileSignature.Detect(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Detect_MarkupPastTheFirst512Bytes_IsUnknown()
    {
        var text = new string(' ', 508) + "<html>";

        Assert.Equal(FileKind.Unknown, FileSignature.Detect(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData(Eicar, true)]
    [InlineData(Eicar + "\r\n", true)]
    [InlineData(" " + Eicar, false)]
    [InlineData("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H", false)]
    [InlineData("", false)]
    public void IsEicar_TestFileAtTheStart(string text, bool expected)
    {
        Assert.Equal(expected, FileSignature.IsEicar(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void IsEicar_TestFileFollowedByMoreThan128Bytes_IsStillIt()
    {
        var content = Encoding.ASCII.GetBytes(Eicar + new string('x', 200));

        Assert.True(FileSignature.IsEicar(content));
    }
}
