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
    public static IReadOnlyList<string> In(ReadOnlyMemory<byte> pdf, ref int imagesLeft, ScanLimits limits)
    {
        var codes = new List<string>();
        // Pages' contents first: codes drawn as shapes (only a square that looks like one takes from the budget), then
        // the images written inline among them.
        foreach (var content in PdfDrawnCodes.Contents(pdf))
        {
            if (imagesLeft <= 0) break;
            if (PdfDrawnCodes.In(content, limits.MaxQrImagePixels) is { } drawn)
            {
                imagesLeft--;
                codes.AddRange(drawn);
            }
            foreach (var (dictionary, data) in PdfInlineImages.In(content))
            {
                if (imagesLeft <= 0) break;
                codes.AddRange(Read(dictionary, data, ref imagesLeft, limits));
            }
        }
        foreach (var (dictionaryRange, bodyRange) in PdfLinks.Images(pdf))
        {
            if (imagesLeft <= 0) break;
            // A neighbour's /Width is not this image's.
            codes.AddRange(Read(Encoding.Latin1.GetString(PdfLinks.OwnDictionary(pdf.Span[dictionaryRange])), pdf[bodyRange], ref imagesLeft, limits));
        }
        return codes;
    }

    // Every image decoded or inflated takes one from the budget, whatever it held: a file of a thousand images costs
    // four. One refused on its size, declared or in its header, or coded in a way not read, costs nothing. A large image
    // is read at every step-th pixel, so at most the limit's pixels are held, and its samples are inflated up to four
    // bytes a pixel held: a large 1-bit or gray image is read, a large colour one is not.
    private static IReadOnlyList<string> Read(string dictionary, ReadOnlyMemory<byte> body, ref int imagesLeft, ScanLimits limits)
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
            if (QrCodeLinks.In(data, limits) is not { } inJpeg) return [];
            imagesLeft--;
            return inJpeg;
        }
        if (compression is not (null or "FlateDecode" or "CCITTFaxDecode") || Size(dictionary, limits) is not var (width, height)) return [];
        imagesLeft--;
        var step = QrCodeLinks.SampleStep(width, height, limits.MaxQrImagePixels);
        var maxSamples = (int)Math.Min(Math.Min((width * 4L * height) + height, (4L * limits.MaxQrImagePixels) + height), Array.MaxLength);
        var gray = compression switch
        {
            "CCITTFaxDecode" => CcittFax.Gray(dictionary, data.Span, width, height, step),
            "FlateDecode" => Samples(dictionary, PdfLinks.Inflate(data.Span, maxSamples), width, height, step),
            _ => Samples(dictionary, data.Span[..Math.Min(data.Length, maxSamples)].ToArray(), width, height, step),
        };
        return gray is null ? [] : QrCodeLinks.InGray(gray, QrCodeLinks.Sampled(width, step), QrCodeLinks.Sampled(height, step));
    }

    // The size the image's dictionary declares, when worth decoding.
    private static (int Width, int Height)? Size(string dictionary, ScanLimits limits) =>
        PdfDictionary.Number(dictionary, "Width") is { } width && PdfDictionary.Number(dictionary, "Height") is { } height
        && QrCodeLinks.WorthDecoding(width, height, limits) ? (width, height) : null;

    // The image as one gray byte per pixel, or null when its samples are not laid out as this reads them.
    private static byte[]? Samples(string dictionary, byte[] samples, int width, int height, int step)
    {
        var bits = PdfDictionary.BitsPerComponent(dictionary);
        if (bits is not (1 or 8)) return null;
        foreach (var components in bits == 1 ? [1] : new[] { 1, 3, 4 })
        {
            var row = bits == 1 ? (width + 7) / 8 : width * components;
            if (samples.Length == row * height) return Gray(samples, width, height, components, bits, step);
            if (samples.Length == (row + 1) * height && Unpredicted(samples, row, height, bits == 1 ? 1 : components) is { } plain)
            {
                return Gray(plain, width, height, components, bits, step);
            }
        }
        return null;
    }

    private static byte[] Gray(byte[] samples, int width, int height, int components, int bits, int step)
    {
        var across = QrCodeLinks.Sampled(width, step);
        var gray = new byte[across * QrCodeLinks.Sampled(height, step)];
        var row = bits == 1 ? (width + 7) / 8 : width * components;
        for (var y = 0; y < height; y += step)
        {
            for (var x = 0; x < width; x += step)
            {
                var at = (y * row) + (bits == 1 ? x / 8 : x * components);
                gray[(y / step * across) + (x / step)] = bits == 1 ? (byte)((samples[at] >> (7 - (x % 8)) & 1) == 1 ? 255 : 0)
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

    // PNG predictors (/DecodeParms /Predictor 10 to 15): each row starts with its filter type.
    private static byte[]? Unpredicted(byte[] data, int row, int height, int bytesPerPixel)
    {
        var plain = new byte[row * height];
        for (var y = 0; y < height; y++)
        {
            var above = y > 0 ? plain.AsSpan((y - 1) * row, row) : new byte[row];
            if (!PngFilters.Undo(data[y * (row + 1)], data.AsSpan((y * (row + 1)) + 1, row), above, plain.AsSpan(y * row, row), bytesPerPixel)) return null;
        }
        return plain;
    }
}
