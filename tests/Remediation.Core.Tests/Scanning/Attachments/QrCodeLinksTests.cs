using System.Buffers.Binary;
using System.Text;
using QRCoder;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Attachments;
using SkiaSharp;

namespace Remediation.Core.Tests.Scanning.Attachments;

public class QrCodeLinksTests
{
    private const string Target = "https://login.lure-host.example/verify";

    [Fact]
    public void In_ImageWithACode_IsWhatTheCodeSaysTrimmed()
    {
        var png = QrPng("  " + Target + "\n");

        Assert.Equal([Target], QrCodeLinks.In(png, 4_000_000));
    }

    [Fact]
    public void In_ImageOfExactlyTheMaximumPixels_IsDecoded()
    {
        var png = QrPng(Target);

        Assert.Equal([Target], QrCodeLinks.In(png, PixelsOf(png)));
    }

    [Fact]
    public void In_ImageOfOnePixelMoreThanTheMaximum_IsNotDecoded()
    {
        var png = QrPng(Target);

        Assert.Empty(QrCodeLinks.In(png, PixelsOf(png) - 1));
    }

    [Fact]
    public void In_ImageWithoutACode_HasNoLinks()
    {
        using var bitmap = new SKBitmap(64, 64);
        bitmap.Erase(SKColors.White);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        Assert.Empty(QrCodeLinks.In(png.ToArray(), 4_000_000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an image at all")]
    [InlineData("\u0089PNG\r\n\u001a\n broken")]
    public void In_ContentThatIsNoImage_HasNoLinks(string content)
    {
        Assert.Empty(QrCodeLinks.In(Encoding.Latin1.GetBytes(content), 4_000_000));
    }

    [Theory]
    [InlineData("photo", "image/png", true)]
    [InlineData("photo", "image/jpeg", true)]
    [InlineData("scan.png", "application/octet-stream", true)]
    [InlineData("scan.jpg", "application/octet-stream", true)]
    [InlineData("scan.jpeg", "application/octet-stream", true)]
    [InlineData("scan.gif", "application/octet-stream", true)]
    [InlineData("scan.bmp", "application/octet-stream", true)]
    [InlineData("scan.webp", "application/octet-stream", true)]
    [InlineData("logo.svg", "image/svg+xml", false)]
    [InlineData("logo.png", "image/svg+xml", true)]
    [InlineData("notes.txt", "text/plain", false)]
    [InlineData("scan.tiff", "application/octet-stream", false)]
    [InlineData("image", "application/image/png", false)]
    public void IsImage_ByTypeOrName(string name, string type, bool expected)
    {
        var attachment = new ScannedAttachment(name, type, new byte[] { 1, 2, 3, 4 }, new ArchiveInspector(new ScanLimits()), 1000);

        Assert.Equal(expected, QrCodeLinks.IsImage(attachment));
    }

    private static byte[] QrPng(string text) =>
        new PngByteQRCode(new QRCodeGenerator().CreateQrCode(text, QRCodeGenerator.ECCLevel.M)).GetGraphic(4);

    // A PNG's IHDR chunk, right after the signature, holds its width and height.
    private static int PixelsOf(byte[] png) =>
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)) * BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
}
