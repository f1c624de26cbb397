using System.Text;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// QR codes drawn in a PDF's images: the lure's one page is a code to scan with a phone, out of reach of the link
/// annotations a scanner reads. A JPEG image (<c>/DCTDecode</c>) is decoded as the file it is; a Flate-compressed or
/// uncompressed one from its raw samples (gray, RGB or CMYK; 8 or 1 bits each; with or without PNG predictors); a
/// 1-bit one in fax coding (<c>/CCITTFaxDecode</c>) by <see cref="CcittFax"/>; ASCII encodings undone first. Each
/// one's size is read from its dictionary first, so a bomb is refused before it is inflated. Images are read from
/// image objects and from pages' contents, where a writer puts a small image inline.
/// </summary>
internal static class PdfQrCodes
{
    /// <param name="imagesLeft">Images the message may still decode; each one this reads takes one.</param>
    public static IReadOnlyList<string> In(ReadOnlyMemory<byte> pdf, ref int imagesLeft, int maxPixels)
    {
        var codes = new List<string>();
        // Pages' contents first: codes drawn as shapes (only a square that looks like one takes from the budget), then
        // the images written inline among them.
        foreach (var content in PdfDrawnCodes.Contents(pdf))
        {
            if (imagesLeft <= 0) break;
            if (PdfDrawnCodes.In(content, maxPixels) is { } drawn)
            {
                imagesLeft--;
                codes.AddRange(drawn);
            }
            foreach (var (dictionary, data) in PdfInlineImages.In(content))
            {
                if (imagesLeft <= 0) break;
                codes.AddRange(Read(dictionary, data, ref imagesLeft, maxPixels));
            }
        }
        foreach (var (dictionaryRange, bodyRange) in PdfLinks.Images(pdf))
        {
            if (imagesLeft <= 0) break;
            // The text ahead of the stream, from its object's "obj": a neighbour's /Width is not this image's.
            var ahead = Encoding.Latin1.GetString(pdf.Span[dictionaryRange]);
            var objectAt = ahead.LastIndexOf("obj", StringComparison.Ordinal);
            codes.AddRange(Read(objectAt < 0 ? ahead : ahead[(objectAt + 3)..], pdf[bodyRange], ref imagesLeft, maxPixels));
        }
        return codes;
    }

    // Every image decoded or inflated takes one from the budget, whatever it held: a file of a thousand images costs
    // four. One refused on its size, declared or in its header, or coded in a way not read, costs nothing.
    private static IReadOnlyList<string> Read(string dictionary, ReadOnlyMemory<byte> body, ref int imagesLeft, int maxPixels)
    {
        var filters = PdfDictionary.Names(dictionary, "Filter");
        var data = filters.FirstOrDefault() switch
        {
            "ASCIIHexDecode" => PdfLinks.AsciiHex(Encoding.Latin1.GetString(body.Span)),
            "ASCII85Decode" => PdfLinks.Ascii85(body.Span),
            _ => body,
        };
        var compression = filters.LastOrDefault(filter => filter is not ("ASCIIHexDecode" or "ASCII85Decode"));
        if (compression == "DCTDecode")
        {
            if (QrCodeLinks.In(data, maxPixels) is not { } inJpeg) return [];
            imagesLeft--;
            return inJpeg;
        }
        if (compression is not (null or "FlateDecode" or "CCITTFaxDecode") || Size(dictionary, maxPixels) is not var (width, height)) return [];
        imagesLeft--;
        var gray = compression switch
        {
            "CCITTFaxDecode" => CcittFax.Gray(dictionary, data.Span, width, height),
            "FlateDecode" => Samples(dictionary, PdfLinks.Inflate(data.Span, MaxSamples(width, height)), width, height),
            _ => Samples(dictionary, data.Span[..Math.Min(data.Length, MaxSamples(width, height))].ToArray(), width, height),
        };
        return gray is null ? [] : QrCodeLinks.InGray(gray, width, height);
    }

    // The size the image's dictionary declares, when worth decoding.
    private static (int Width, int Height)? Size(string dictionary, int maxPixels) =>
        PdfDictionary.Number(dictionary, "Width") is { } width && PdfDictionary.Number(dictionary, "Height") is { } height
        && QrCodeLinks.WorthDecoding(width, height, maxPixels) ? (width, height) : null;

    // The most any layout below takes: four components and a predictor byte per row.
    private static int MaxSamples(int width, int height) => (width * 4 * height) + height;

    // The image as one gray byte per pixel, or null when its samples are not laid out as this reads them.
    private static byte[]? Samples(string dictionary, byte[] samples, int width, int height)
    {
        var bits = PdfDictionary.BitsPerComponent(dictionary);
        if (bits is not (1 or 8)) return null;
        foreach (var components in bits == 1 ? [1] : new[] { 1, 3, 4 })
        {
            var row = bits == 1 ? (width + 7) / 8 : width * components;
            if (samples.Length == row * height) return Gray(samples, width, height, components, bits);
            if (samples.Length == (row + 1) * height && Unpredicted(samples, row, height, bits == 1 ? 1 : components) is { } plain)
            {
                return Gray(plain, width, height, components, bits);
            }
        }
        return null;
    }

    private static byte[] Gray(byte[] samples, int width, int height, int components, int bits)
    {
        var gray = new byte[width * height];
        var row = bits == 1 ? (width + 7) / 8 : width * components;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = (y * row) + (bits == 1 ? x / 8 : x * components);
                gray[(y * width) + x] = bits == 1 ? (byte)((samples[at] >> (7 - (x % 8)) & 1) == 1 ? 255 : 0)
                    : components switch
                    {
                        1 => samples[at],
                        3 => (byte)(((samples[at] * 299) + (samples[at + 1] * 587) + (samples[at + 2] * 114)) / 1000),
                        _ => (byte)(255 - Math.Min(255, samples[at + 3] + ((samples[at] + samples[at + 1] + samples[at + 2]) / 3))),
                    };
            }
        }
        return gray;
    }

    // PNG predictors (/DecodeParms /Predictor 10 to 15): each row starts with its filter type (RFC 2083, 6).
    private static byte[]? Unpredicted(byte[] data, int row, int height, int bytesPerPixel)
    {
        var plain = new byte[row * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (row + 1)];
            for (var x = 0; x < row; x++)
            {
                var raw = data[(y * (row + 1)) + 1 + x];
                int left = x >= bytesPerPixel ? plain[(y * row) + x - bytesPerPixel] : 0;
                int up = y > 0 ? plain[((y - 1) * row) + x] : 0;
                int upLeft = x >= bytesPerPixel && y > 0 ? plain[((y - 1) * row) + x - bytesPerPixel] : 0;
                plain[(y * row) + x] = filter switch
                {
                    0 => raw,
                    1 => (byte)(raw + left),
                    2 => (byte)(raw + up),
                    3 => (byte)(raw + ((left + up) / 2)),
                    4 => (byte)(raw + Paeth(left, up, upLeft)),
                    _ => raw,
                };
                if (filter > 4) return null;
            }
        }
        return plain;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var (toLeft, toUp, toUpLeft) = (Math.Abs(estimate - left), Math.Abs(estimate - up), Math.Abs(estimate - upLeft));
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }

}
