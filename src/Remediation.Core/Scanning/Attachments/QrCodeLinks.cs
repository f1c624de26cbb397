using System.Runtime.InteropServices;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// What a QR code in an image says, a web link for a lure ("quishing"): the lure shows a code to scan with a phone,
/// out of reach of every link scanner that reads text. The image is decoded by SkiaSharp after its size is read from the header, so
/// a decompression bomb is refused before any pixel is allocated; ZXing reads the code, drawn dark on light or light on
/// dark (a phone's camera reads both).
/// </summary>
internal static class QrCodeLinks
{
    private static readonly DecodingOptions QrOnly = new() { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, TryInverted = true };

    // A version 1 code is 21 modules across: a smaller image (a tracking pixel, an icon) holds none.
    private const int MinSide = 21;

    // Below this, an image is enlarged before it is read: four pixels a module for the largest code so small an image holds.
    private const int MinReadSide = 160;

    // What a glance holds: 512 pixels square, over four a module for a version 40 code that fills the image.
    private const int GlancePixels = 512 * 512;

    /// <summary>Whether an image of this size is decoded: large enough to hold a code, and within the pixel cap.</summary>
    public static bool WorthDecoding(int width, int height, ScanLimits limits) => WorthDecoding(width, height, limits.MaxQrImageSourcePixels);

    private static bool WorthDecoding(int width, int height, long maxSourcePixels) =>
        Math.Min(width, height) >= MinSide && (long)width * height <= maxSourcePixels;

    /// <summary>
    /// How many pixels across and down become one pixel read, so that at most <paramref name="maxPixels"/> are held: 1
    /// for an image within them. A code shown large is still many pixels a module when every second or third is read.
    /// </summary>
    public static int SampleStep(long width, long height, int maxPixels) =>
        Math.Max(1, (int)Math.Ceiling(Math.Sqrt((double)width * height / maxPixels)));

    /// <summary>How many pixels a side of this many becomes when every step-th is read.</summary>
    public static int Sampled(int side, int step) => (side + step - 1) / step;

    /// <summary>
    /// These images in the order a message's budget decodes them: those worth decoding, the ones that could hold the
    /// largest square first, ties in the order given. A code is square and a lure shows it large enough to scan, so the
    /// logos and icons around it (a signature's, or decoys put first to spend the budget) are read last.
    /// </summary>
    public static IReadOnlyList<ScannedAttachment> MostLikelyToHoldACode(IEnumerable<ScannedAttachment> images, ScanLimits limits) =>
        [.. images.Select(image => (Image: image, Size: SizeOf(image.Content)))
            .Where(candidate => candidate.Size is var (width, height) && WorthDecoding(width, height, limits))
            .OrderByDescending(candidate => Math.Min(candidate.Size!.Value.Width, candidate.Size.Value.Height))
            .Select(candidate => candidate.Image)];

    // The size its header tells, read in place: nothing is decoded or copied.
    private static (int Width, int Height)? SizeOf(ReadOnlyMemory<byte> image)
    {
        try
        {
            var bytes = MemoryMarshal.TryGetArray(image, out var segment) ? segment : new ArraySegment<byte>(image.ToArray());
            using var codec = SKCodec.Create(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false));
            return codec is null ? null : (codec.Info.Width, codec.Info.Height);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <returns>
    /// What the image's code says, or null when the image was not decoded: no image its header tells of, or one
    /// not <see cref="WorthDecoding"/>. Reading a header is cheap; only decoding spends a message's image budget.
    /// </returns>
    public static IReadOnlyList<string>? In(ReadOnlyMemory<byte> image, ScanLimits limits) =>
        In(image, limits.MaxQrImageSourcePixels, limits.MaxQrImagePixels, limits);

    /// <summary>
    /// What the code of an image beyond the message's budget says, read at a glance: only an image within the pixels
    /// a decoded one holds, sampled down to a small fraction of them, where a code that fills the image is still many
    /// pixels a module. Decoys put ahead of the code then have to outnumber the budget and the glances together.
    /// </summary>
    public static IReadOnlyList<string>? Glance(ReadOnlyMemory<byte> image, ScanLimits limits) =>
        In(image, Math.Min(limits.MaxQrImageSourcePixels, limits.MaxQrImagePixels), GlancePixels, limits);

    private static IReadOnlyList<string>? In(ReadOnlyMemory<byte> image, long maxSourcePixels, int maxPixels, ScanLimits limits)
    {
        try
        {
            using var data = SKData.CreateCopy(image.Span);
            using var codec = SKCodec.Create(data);
            if (codec is null || !WorthDecoding(codec.Info.Width, codec.Info.Height, maxSourcePixels)) return null;
            return Gray(codec, image, maxPixels, limits) is var (gray, width, height) ? InGray(gray, width, height) : [];
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A broken or hostile image has no code to read; the other rules still judge the message.
            return [];
        }
    }

    // The image in gray, at most maxPixels of it: whole, or at a smaller size its format decodes to (JPEG, WebP), or
    // decoded whole and sampled when it is within the pixels a decode may hold, or else sampled a row at a time (PNG,
    // BMP, JPEG), so that only one row of the full size is ever held. A large image is no bomb: a QR code shown at
    // thousands of pixels is cheap to send and still scans on a phone.
    private static (byte[] Gray, int Width, int Height)? Gray(SKCodec codec, ReadOnlyMemory<byte> image, int maxPixels, ScanLimits limits)
    {
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var step = SampleStep(width, height, maxPixels);
        var scaled = step == 1 ? codec.Info.Size : codec.GetScaledDimensions(1f / step);
        if ((long)scaled.Width * scaled.Height <= maxPixels) return Whole(codec, scaled, step: 1);
        if ((long)width * height <= limits.MaxQrImagePixels) return Whole(codec, codec.Info.Size, step);
        return codec.EncodedFormat == SKEncodedImageFormat.Png ? PngRows.Gray(image.Span, step, maxBytes: limits.MaxQrImageSourcePixels) : Sampled(codec, step);
    }

    // Decoded at this size, then every step-th pixel of every step-th row kept.
    private static (byte[] Gray, int Width, int Height)? Whole(SKCodec codec, SKSizeI size, int step)
    {
        // Skia converts no palette (GIF, most generators' PNG) to gray, but every image to RGBA.
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return null;
        var (across, down) = (Sampled(size.Width, step), Sampled(size.Height, step));
        var gray = new byte[across * down];
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < down; y++) GrayOverWhite(pixels.Slice(y * step * bitmap.RowBytes, bitmap.RowBytes), step, gray.AsSpan(y * across, across));
        return (gray, across, down);
    }

    // Every step-th pixel of every step-th row; null for a format Skia cannot decode by rows (GIF).
    private static (byte[] Gray, int Width, int Height)? Sampled(SKCodec codec, int step)
    {
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        if (codec.StartScanlineDecode(info) != SKCodecResult.Success) return null;
        var (across, down) = (Sampled(width, step), Sampled(height, step));
        var gray = new byte[across * down];
        Array.Fill(gray, (byte)255);
        using var row = new SKBitmap(new SKImageInfo(width, 1, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var y = 0; y < height; y++)
        {
            if (y % step != 0)
            {
                if (!codec.SkipScanlines(1)) break;
                continue;
            }
            // A truncated image keeps what was decoded; the rest stays white.
            if (codec.GetScanlines(row.GetPixels(), 1, row.RowBytes) != 1) break;
            var to = Math.Min(codec.GetOutputScanline(y) / step, down - 1);
            GrayOverWhite(row.GetPixelSpan(), step, gray.AsSpan(to * across, across));
        }
        return (gray, across, down);
    }

    /// <summary>What a QR code in an image of one gray byte per pixel says.</summary>
    public static IReadOnlyList<string> InGray(byte[] gray, int width, int height)
    {
        try
        {
            // ZXing finds no code drawn a pixel a module, as a PDF holds one to be scaled up on the page: so small an
            // image is enlarged, each pixel a square of pixels.
            if (Math.Min(width, height) < MinReadSide) (gray, width, height) = Enlarged(gray, width, height, (MinReadSide / Math.Min(width, height)) + 1);
            var luminance = new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
            // Whatever the code holds; the message keeps the web links among all it collects.
            return new BarcodeReaderGeneric { Options = QrOnly }.Decode(luminance)?.Text is { } text ? [text.Trim()] : [];
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return [];
        }
    }

    private static (byte[] Gray, int Width, int Height) Enlarged(byte[] gray, int width, int height, int scale)
    {
        var large = new byte[width * scale * height * scale];
        for (var y = 0; y < height * scale; y++)
        {
            for (var x = 0; x < width * scale; x++) large[(y * width * scale) + x] = gray[(y / scale * width) + (x / scale)];
        }
        return (large, width * scale, height * scale);
    }

    // A code drawn on a transparent background shows over the white of the message. Every step-th pixel is read.
    private static void GrayOverWhite(ReadOnlySpan<byte> rgba, int step, Span<byte> gray)
    {
        for (var i = 0; i < gray.Length; i++)
        {
            var pixel = rgba.Slice(i * step * 4, 4);
            var luminance = ((pixel[0] * 77) + (pixel[1] * 150) + (pixel[2] * 29)) >> 8;
            gray[i] = (byte)(((luminance * pixel[3]) + (255 * (255 - pixel[3]))) / 255);
        }
    }

    public static bool IsImage(ScannedAttachment attachment) =>
        attachment.ContentType.StartsWith("image/", StringComparison.Ordinal) && attachment.ContentType != "image/svg+xml"
        || attachment.Extension is "png" or "jpg" or "jpeg" or "gif" or "bmp" or "webp";
}
