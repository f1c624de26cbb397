using QRCoder;
using Remediation.Core.Scanning.Attachments;
using SkiaSharp;

namespace Remediation.Core.Tests.Scanning.Attachments;

/// <summary>The row-at-a-time PNG reader against Skia's decoder, on PNGs written by Skia, QRCoder and other tools.</summary>
public sealed class PngRowsTests
{
    public static TheoryData<string> Pngs => ["qr-palette.png", "qr-inverted.png", "qrcoder", "qrcoder-transparent", "skia-rgba", "skia-gray", "skia-rgba-16"];

    [Theory]
    [MemberData(nameof(Pngs))]
    public void Gray_EveryPixel_IsWhatSkiaDecodesShownOverWhite(string png)
    {
        var file = Png(png);

        var read = PngRows.Gray(file, step: 1, long.MaxValue);

        Assert.NotNull(read);
        var (expected, width, height) = SkiaGray(file);
        Assert.Equal((width, height), (read.Value.Width, read.Value.Height));
        AssertNear(expected, read.Value.Gray, png.EndsWith("-16", StringComparison.Ordinal) ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(Pngs))]
    public void Gray_EveryThirdPixel_IsTheSkiaPixelsAtThoseRowsAndColumns(string png)
    {
        var file = Png(png);

        var read = PngRows.Gray(file, step: 3, long.MaxValue);

        Assert.NotNull(read);
        var (full, width, height) = SkiaGray(file);
        var across = (width + 2) / 3;
        Assert.Equal((across, (height + 2) / 3), (read.Value.Width, read.Value.Height));
        var expected = Enumerable.Range(0, read.Value.Width * read.Value.Height)
            .Select(i => full[(i / across * 3 * width) + (i % across * 3)]).ToArray();
        AssertNear(expected, read.Value.Gray, png.EndsWith("-16", StringComparison.Ordinal) ? 1 : 0);
    }

    [Fact]
    public void Gray_TruncatedFile_KeepsTheRowsReadAndLeavesTheRestWhite()
    {
        var file = Png("skia-gray");
        var (full, width, height) = SkiaGray(file);

        var read = PngRows.Gray(file.AsSpan(0, file.Length * 2 / 3), step: 1, long.MaxValue);

        Assert.NotNull(read);
        var rows = Enumerable.Range(0, height).Select(y => read.Value.Gray.AsSpan(y * width, width).ToArray()).ToList();
        var whole = rows.TakeWhile((row, y) => row.SequenceEqual(full.AsSpan(y * width, width).ToArray())).Count();
        Assert.InRange(whole, 1, height - 2);
        Assert.All(rows.Skip(whole + 1), row => Assert.All(row, pixel => Assert.Equal(255, pixel)));
    }

    [Fact]
    public void Gray_ImageDataBeyondTheBytesAllowed_IsNotRead()
    {
        var file = Png("skia-rgba");
        var bytes = ((151 * 4) + 1) * 97; // a filter byte and four bytes a pixel, each row

        Assert.NotNull(PngRows.Gray(file, step: 1, maxBytes: bytes));
        Assert.Null(PngRows.Gray(file, step: 1, maxBytes: bytes - 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("GIF89a")]
    [InlineData("\u0089PNG\r\n\u001a\n no chunks")]
    public void Gray_NoPngHeader_IsNotRead(string content)
    {
        Assert.Null(PngRows.Gray(System.Text.Encoding.Latin1.GetBytes(content), step: 1, long.MaxValue));
    }

    [Fact]
    public void Gray_SecondHeaderClaimingAnotherSize_IsIgnored()
    {
        var file = Png("qr-palette.png");
        var header = file.AsSpan(8, 25).ToArray(); // IHDR: length, type, 13 bytes of data, CRC
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), 30_000);
        var twice = file[..33].Concat(header).Concat(file[33..]).ToArray();

        var read = PngRows.Gray(twice, step: 1, long.MaxValue);

        Assert.NotNull(read);
        Assert.Equal(SkiaGray(file).Gray, read.Value.Gray);
    }

    [Fact]
    public void Gray_InterlacedPng_IsNotRead()
    {
        var file = Png("qr-palette.png");
        file[16 + 12] = 1; // IHDR's interlace method, after the signature and the chunk's length and type

        Assert.Null(PngRows.Gray(file, step: 1, long.MaxValue));
    }

    private static byte[] Png(string name) => name switch
    {
        "qrcoder" => new PngByteQRCode(Code()).GetGraphic(4),
        "qrcoder-transparent" => new PngByteQRCode(Code()).GetGraphic(4, [0x1F, 0x3A, 0x93, 0xFF], [0xFF, 0xFF, 0xFF, 0x00]),
        "skia-rgba" => Drawn(SKColorType.Rgba8888),
        "skia-gray" => Drawn(SKColorType.Gray8),
        "skia-rgba-16" => Drawn(SKColorType.Rgba16161616),
        _ => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "QrImages", name)),
    };

    private static QRCodeData Code() =>
        new QRCodeGenerator().CreateQrCode("https://login.lure-host.example/verify", QRCodeGenerator.ECCLevel.M);

    // Gradients, noise and translucent shapes, so that the encoder picks every row filter.
    private static byte[] Drawn(SKColorType type)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(151, 97, type, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var gradient = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(151, 97), [SKColors.Navy, SKColors.Orange, SKColors.Transparent], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, 151, 97, gradient);
            var random = new Random(7);
            using var dot = new SKPaint();
            for (var i = 0; i < 400; i++)
            {
                dot.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                canvas.DrawRect(random.Next(151), random.Next(97), random.Next(1, 9), random.Next(1, 9), dot);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static (byte[] Gray, int Width, int Height) SkiaGray(byte[] png)
    {
        using var codec = SKCodec.Create(new MemoryStream(png));
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        var rgba = bitmap.GetPixelSpan();
        var gray = new byte[info.Width * info.Height];
        for (var i = 0; i < gray.Length; i++)
        {
            var luminance = ((rgba[i * 4] * 77) + (rgba[(i * 4) + 1] * 150) + (rgba[(i * 4) + 2] * 29)) >> 8;
            gray[i] = (byte)(((luminance * rgba[(i * 4) + 3]) + (255 * (255 - rgba[(i * 4) + 3]))) / 255);
        }
        return (gray, info.Width, info.Height);
    }

    private static void AssertNear(byte[] expected, byte[] actual, int tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= tolerance, $"a pixel differs by {worst}");
    }
}
