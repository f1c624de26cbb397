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
    private static readonly ScanLimits Limits = new();

    [Fact]
    public void In_ImageWithACode_IsWhatTheCodeSaysTrimmed()
    {
        var png = QrPng("  " + Target + "\n");

        Assert.Equal([Target], QrCodeLinks.In(png, Limits));
    }

    [Fact]
    public void In_ImageOfExactlyTheMaximumPixels_IsDecoded()
    {
        var png = QrPng(Target);

        Assert.Equal([Target], QrCodeLinks.In(png, new ScanLimits { MaxQrImageSourcePixels = PixelsOf(png) }));
    }

    [Fact]
    public void In_ImageOfOnePixelMoreThanTheMaximum_IsNotDecoded()
    {
        var png = QrPng(Target);

        Assert.Null(QrCodeLinks.In(png, new ScanLimits { MaxQrImageSourcePixels = PixelsOf(png) - 1 }));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void In_CodeSentLargerThanThePixelsHeld_IsReadSampledDown(SKEncodedImageFormat format)
    {
        // 2,405 pixels square, 5.8 million, beyond the 4 million held: as cheap to send as a small code, and it scans.
        var png = new PngByteQRCode(new QRCodeGenerator().CreateQrCode(Target, QRCodeGenerator.ECCLevel.M)).GetGraphic(65);
        using var bitmap = SKBitmap.Decode(png);
        using var image = bitmap.Encode(format, 90);

        Assert.True(bitmap.Width * bitmap.Height > Limits.MaxQrImagePixels);
        Assert.Equal([Target], QrCodeLinks.In(image.ToArray(), Limits));
    }

    [Fact]
    public void Glance_CodeFillingTheImage_IsReadSampledToAQuarterMegapixel()
    {
        // 1,850 pixels square, read at every fourth: 463 pixels, 12.5 a module.
        var png = new PngByteQRCode(new QRCodeGenerator().CreateQrCode(Target, QRCodeGenerator.ECCLevel.M)).GetGraphic(50);

        Assert.Equal([Target], QrCodeLinks.Glance(png, Limits));
    }

    [Fact]
    public void Glance_ImageLargerThanADecodeHolds_IsNotRead()
    {
        var png = QrPng(Target);

        Assert.Null(QrCodeLinks.Glance(png, new ScanLimits { MaxQrImagePixels = PixelsOf(png) - 1 }));
        Assert.Equal([Target], QrCodeLinks.Glance(png, new ScanLimits { MaxQrImagePixels = PixelsOf(png) }));
    }

    [Fact]
    public void In_JpegTooLargeForItsNearestSmallerSize_IsReadByRows()
    {
        // Read at every third pixel; JPEG's nearest smaller size, three eighths, would still hold too many.
        var limits = new ScanLimits { MaxQrImagePixels = 680_000 };
        var png = new PngByteQRCode(new QRCodeGenerator().CreateQrCode(Target, QRCodeGenerator.ECCLevel.M)).GetGraphic(65);
        using var bitmap = SKBitmap.Decode(png);
        using var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        using var codec = SKCodec.Create(new MemoryStream(jpeg.ToArray()));

        Assert.Equal(3, QrCodeLinks.SampleStep(bitmap.Width, bitmap.Height, limits.MaxQrImagePixels));
        Assert.True(codec.GetScaledDimensions(1f / 3) is var scaled && scaled.Width * scaled.Height > limits.MaxQrImagePixels);
        Assert.Equal([Target], QrCodeLinks.In(jpeg.ToArray(), limits));
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(20, 400, false)]
    [InlineData(400, 20, false)]
    [InlineData(21, 21, true)]
    public void In_ImageTooNarrowToHoldACode_IsNotDecoded(int width, int height, bool decoded)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.White);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        Assert.Equal(decoded, QrCodeLinks.In(png.ToArray(), Limits) is not null);
    }

    [Fact]
    public void In_ImageWithoutACode_HasNoLinks()
    {
        using var bitmap = new SKBitmap(64, 64);
        bitmap.Erase(SKColors.White);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        Assert.Equal([], QrCodeLinks.In(png.ToArray(), Limits));
    }

    [Theory]
    [InlineData("qr-palette.png")]
    [InlineData("qr-inverted.png")]
    [InlineData("qr.gif")]
    public void In_CodeAsOtherToolsWriteIt_IsRead(string file)
    {
        var image = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "QrImages", file));

        Assert.Equal(["https://parcel-redelivery.pages.dev/pay"], QrCodeLinks.In(image, Limits));
    }

    [Fact]
    public void In_CodeInColoursOfAPalette_IsRead()
    {
        var png = new PngByteQRCode(new QRCodeGenerator().CreateQrCode(Target, QRCodeGenerator.ECCLevel.M))
            .GetGraphic(4, [0x1F, 0x3A, 0x93, 0xFF], [0xFF, 0xF4, 0xD6, 0xFF]);

        Assert.Equal([Target], QrCodeLinks.In(png, Limits));
    }

    [Fact]
    public void In_CodeOnATransparentBackground_IsReadAsShownOverWhite()
    {
        // Transparent black: read without its alpha, the whole image is black.
        var png = new PngByteQRCode(new QRCodeGenerator().CreateQrCode(Target, QRCodeGenerator.ECCLevel.M))
            .GetGraphic(4, [0x00, 0x00, 0x00, 0xFF], [0x00, 0x00, 0x00, 0x00]);

        Assert.Equal([Target], QrCodeLinks.In(png, Limits));
    }

    [Fact]
    public void InGray_CodeDrawnLightOnDark_IsRead()
    {
        using var codec = SKCodec.Create(new MemoryStream(QrPng(Target)));
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        codec.GetPixels(info, bitmap.GetPixels());
        var inverted = bitmap.Bytes.Select(b => (byte)(255 - b)).ToArray();

        Assert.Equal([Target], QrCodeLinks.InGray(inverted, info.Width, info.Height));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an image at all")]
    [InlineData("\u0089PNG\r\n\u001a\n broken")]
    public void In_ContentThatIsNoImage_IsNotDecoded(string content)
    {
        Assert.Null(QrCodeLinks.In(Encoding.Latin1.GetBytes(content), Limits));
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
