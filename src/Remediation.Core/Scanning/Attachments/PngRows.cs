using System.Buffers.Binary;
using System.IO.Compression;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// A PNG read a row at a time, every step-th pixel of every step-th row kept in gray over white, so that a large image
/// costs one row of memory at its full size (Skia decodes a PNG only whole). Interlaced images are not read: a code's
/// generator writes none.
/// </summary>
internal static class PngRows
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="maxBytes">The most image data inflated: what reading takes is in proportion to it.</param>
    /// <returns>The sampled image and its size, or null when the file is no PNG this reads, or larger.</returns>
    public static (byte[] Gray, int Width, int Height)? Gray(ReadOnlySpan<byte> png, int step, long maxBytes)
    {
        if (!png.StartsWith(Signature) || Chunks(png) is not { } chunks) return null;
        var header = chunks.Header;
        var (width, height, depth, colour) = (header.Width, header.Height, header.Depth, header.Colour);
        var channels = colour switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (channels == 0 || depth is not (1 or 2 or 4 or 8 or 16) || header.Interlaced || width <= 0 || height <= 0) return null;
        var bitsPerPixel = channels * depth;
        var rowBytes = (((long)width * bitsPerPixel) + 7) / 8;
        if (rowBytes >= Array.MaxLength || (rowBytes + 1) * height > maxBytes) return null;
        var bytesPerPixel = Math.Max(1, bitsPerPixel / 8);
        var (across, down) = (QrCodeLinks.Sampled(width, step), QrCodeLinks.Sampled(height, step));
        var gray = new byte[across * down];
        Array.Fill(gray, (byte)255);
        var (row, previous) = (new byte[rowBytes], new byte[rowBytes]);
        var filtered = new byte[rowBytes + 1];
        using var data = new ZLibStream(new MemoryStream(chunks.Data), CompressionMode.Decompress);
        try
        {
            for (var y = 0; y < height; y++)
            {
                data.ReadExactly(filtered);
                if (!PngFilters.Undo(filtered[0], filtered.AsSpan(1), previous, row, bytesPerPixel)) break;
                if (y % step == 0)
                {
                    var to = gray.AsSpan(y / step * across, across);
                    for (var x = 0; x < width; x += step) to[x / step] = OverWhite(row, x, depth, colour, chunks);
                }
                (row, previous) = (previous, row);
            }
        }
        catch (Exception error) when (error is EndOfStreamException or InvalidDataException)
        {
            // A truncated or broken stream keeps the rows read, as a viewer shows them; the rest stays white.
        }
        return (gray, across, down);
    }

    private sealed record Header(int Width, int Height, int Depth, int Colour, bool Interlaced);

    private sealed record PngChunks(Header Header, byte[] Data, byte[] Palette, byte[] Transparency);

    // The header, palette and transparency, and the image data's chunks joined; null without a whole header.
    private static PngChunks? Chunks(ReadOnlySpan<byte> png)
    {
        Header? header = null;
        byte[] palette = [], transparency = [];
        var data = new MemoryStream();
        for (var at = Signature.Length; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[at..]);
            var available = png.Length - at - 12;
            if (length < 0) break;
            // A truncated file's last chunk is read as far as it goes, as a viewer shows the rows it has.
            var body = png.Slice(at + 8, Math.Min(length, available + 4));
            switch (System.Text.Encoding.ASCII.GetString(png.Slice(at + 4, 4)))
            {
                // The first header only, which is the one every decoder, Skia included, reads the size from.
                case "IHDR" when body.Length >= 13 && header is null:
                    header = new Header(
                        BinaryPrimitives.ReadInt32BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body[4..]), body[8], body[9], body[12] != 0);
                    break;
                case "PLTE":
                    palette = body.ToArray();
                    break;
                case "tRNS":
                    transparency = body.ToArray();
                    break;
                case "IDAT":
                    data.Write(body);
                    break;
                case "IEND":
                    length = int.MaxValue;
                    break;
            }
            if (length > available) break;
            at += length + 12;
        }
        return header is null ? null : new PngChunks(header, data.ToArray(), palette, transparency);
    }

    // Pixel x of an unfiltered row as a gray over white: its colour's luminance, blended by its alpha.
    private static byte OverWhite(byte[] row, int x, int depth, int colour, PngChunks chunks)
    {
        int Sample(int index)
        {
            if (depth == 16) return row[index * 2];
            if (depth == 8) return row[index];
            var bit = index * depth;
            var value = (row[bit / 8] >> (8 - depth - (bit % 8))) & ((1 << depth) - 1);
            return colour == 3 ? value : value * 255 / ((1 << depth) - 1);
        }
        int red, green, blue, alpha = 255;
        switch (colour)
        {
            case 3:
                var entry = Sample(x);
                (red, green, blue) = entry * 3 + 2 < chunks.Palette.Length
                    ? (chunks.Palette[entry * 3], chunks.Palette[(entry * 3) + 1], chunks.Palette[(entry * 3) + 2]) : (0, 0, 0);
                if (entry < chunks.Transparency.Length) alpha = chunks.Transparency[entry];
                break;
            case 0 or 4:
                red = green = blue = Sample(x * (colour == 0 ? 1 : 2));
                if (colour == 4) alpha = Sample((x * 2) + 1);
                break;
            default:
                var first = x * (colour == 2 ? 3 : 4);
                (red, green, blue) = (Sample(first), Sample(first + 1), Sample(first + 2));
                if (colour == 6) alpha = Sample(first + 3);
                break;
        }
        var luminance = ((red * 77) + (green * 150) + (blue * 29)) >> 8;
        return (byte)(((luminance * alpha) + (255 * (255 - alpha))) / 255);
    }
}

/// <summary>PNG's row filters (RFC 2083, 6), which PDF uses as its predictors 10 to 15 as well.</summary>
internal static class PngFilters
{
    /// <summary>Undoes a row's filter against the row above (zeros for the first row).</summary>
    /// <returns>False for a filter type PNG does not define.</returns>
    public static bool Undo(byte filter, ReadOnlySpan<byte> raw, ReadOnlySpan<byte> above, Span<byte> row, int bytesPerPixel)
    {
        var first = Math.Min(bytesPerPixel, raw.Length);
        switch (filter)
        {
            case 0:
                raw.CopyTo(row);
                break;
            case 1:
                raw[..first].CopyTo(row);
                for (var x = first; x < raw.Length; x++) row[x] = (byte)(raw[x] + row[x - bytesPerPixel]);
                break;
            case 2:
                for (var x = 0; x < raw.Length; x++) row[x] = (byte)(raw[x] + above[x]);
                break;
            case 3:
                for (var x = 0; x < first; x++) row[x] = (byte)(raw[x] + (above[x] / 2));
                for (var x = first; x < raw.Length; x++) row[x] = (byte)(raw[x] + ((row[x - bytesPerPixel] + above[x]) / 2));
                break;
            case 4:
                for (var x = 0; x < first; x++) row[x] = (byte)(raw[x] + above[x]);
                for (var x = first; x < raw.Length; x++) row[x] = (byte)(raw[x] + Paeth(row[x - bytesPerPixel], above[x], above[x - bytesPerPixel]));
                break;
            default:
                return false;
        }
        return true;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var (toLeft, toUp, toUpLeft) = (Math.Abs(estimate - left), Math.Abs(estimate - up), Math.Abs(estimate - upLeft));
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
