namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// QR codes a PDF draws as shapes rather than as an image, which no image reader sees: each module, or each run of
/// modules, a filled rectangle, a filled path or a stroked line (see <see cref="PdfDrawing"/>). Where the rectangles a
/// content stream paints, sized in whole modules of one width, cover a square of 21 to 177 modules, as a code's three
/// finder patterns make them, that square is painted in drawing order onto white and read like an image.
/// </summary>
internal static class PdfDrawnCodes
{
    // Fewer rectangles than the three finder patterns take, drawn run by run, cannot be a code.
    private const int MinRectangles = 20;
    // More than a version 40 code has modules: the rest of the stream is not read.
    private const int MaxRectangles = 40_000;
    private const int MinModules = 21;
    private const int MaxModules = 177;
    private const int PixelsPerModule = 4;
    private const int QuietZoneModules = 4;

    // What one file's streams, compressed or not, are read to together.
    private const int MaxContentBytes = 4 * 1024 * 1024;

    // Keys of fonts, colour profiles, object and cross-reference lists, metadata and embedded files: the largest
    // streams of a file, and none of them a drawing, so they are not inflated.
    private static readonly byte[][] NotDrawings =
    [
        .. new[] { "/Length1", "/Length2", "/Length3", "/FontFile", "/Type1C", "/CIDFontType0C", "/OpenType", "/N ", "/N\n", "/ObjStm", "/XRef", "/Metadata", "/EmbeddedFile" }
            .Select(System.Text.Encoding.ASCII.GetBytes),
    ];

    /// <param name="imagesLeft">Images the message may still decode; each square painted takes one.</param>
    public static IReadOnlyList<string> In(ReadOnlyMemory<byte> pdf, ref int imagesLeft, int maxPixels)
    {
        var codes = new List<string>();
        var contentBytes = MaxContentBytes;
        foreach (var (dictionary, body) in PdfLinks.Contents(pdf))
        {
            if (imagesLeft <= 0 || contentBytes <= 0) break;
            if (HoldsNoDrawing(pdf.Span[dictionary])) continue;
            var content = Decoded(pdf.Span[dictionary], pdf.Span[body], contentBytes);
            contentBytes -= content.Length;
            if (!DrawsShapes(content) || CodeSquare(PdfDrawing.Fills(content, MaxRectangles)) is not { } square) continue;
            imagesLeft--;
            if (Painted(square.Fills, square.Module, maxPixels) is var (gray, width, height)) codes.AddRange(QrCodeLinks.InGray(gray, width, height));
        }
        return codes;
    }

    private static bool HoldsNoDrawing(ReadOnlySpan<byte> beforeStream)
    {
        var objectAt = beforeStream.LastIndexOf("obj"u8);
        var dictionary = objectAt < 0 ? beforeStream : beforeStream[(objectAt + 3)..];
        foreach (var key in NotDrawings)
        {
            if (dictionary.IndexOf(key) >= 0) return true;
        }
        return false;
    }

    // Whether the stream names the operators that draw modules ("re", and "l" for paths) often enough to draw a code:
    // most streams (text, fonts, object lists) are passed over at the cost of a search.
    private static bool DrawsShapes(ReadOnlySpan<byte> content)
    {
        var found = 0;
        for (var at = 1; at < content.Length - 1 && found < MinRectangles; at++)
        {
            var next = content[at..].IndexOfAny((byte)'r', (byte)'l');
            if (next < 0) break;
            at += next;
            var length = content[at] == 'r' ? 2 : 1;
            if (length == 2 && (at + 1 == content.Length || content[at + 1] != 'e')) continue;
            if (PdfDrawing.IsWhiteSpace(content[at - 1]) && (at + length == content.Length || PdfDrawing.IsWhiteSpace(content[at + length]))) found++;
        }
        return found >= MinRectangles;
    }

    // A stream's data as its filters leave it: ASCII85 then Flate, either, or none.
    private static byte[] Decoded(ReadOnlySpan<byte> dictionary, ReadOnlySpan<byte> stream, int budget)
    {
        byte[] data = dictionary.IndexOf("/ASCII85Decode"u8) >= 0 ? PdfLinks.Ascii85(stream) : stream.ToArray();
        var inflated = PdfLinks.Inflate(data, budget);
        return inflated.Length > 0 ? inflated : data[..Math.Min(data.Length, budget)];
    }

    // The rectangles of a code, when enough of them, sized in whole modules, cover a square of a code's size. The
    // module is the commonest short side, of dark rectangles or, for a code drawn light on dark, of light ones.
    private static (List<PdfFill> Fills, double Module)? CodeSquare(List<PdfFill> fills)
    {
        if (fills.Count < MinRectangles) return null;
        var module = fills.GroupBy(f => Math.Round(Math.Min(f.Width, f.Height), 3))
            .Where(g => g.Key > 0).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (module <= 0) return null;
        var square = fills.Where(f => WholeModules(f.Width, module) && WholeModules(f.Height, module)).ToList();
        if (square.Count < MinRectangles) return null;
        var width = (square.Max(f => f.Right) - square.Min(f => f.Left)) / module;
        var height = (square.Max(f => f.Top) - square.Min(f => f.Bottom)) / module;
        // A drawing may include its quiet zone, four modules on each side.
        return width is >= MinModules - 0.5 and <= MaxModules + (2 * QuietZoneModules) + 0.5 && Math.Abs(width - height) <= 1 ? (square, module) : null;
    }

    private static bool WholeModules(double length, double module)
    {
        var modules = length / module;
        return modules >= 0.9 && modules <= MaxModules + (2 * QuietZoneModules) + 1 && Math.Abs(modules - Math.Round(modules)) <= 0.1;
    }

    // The rectangles painted in order onto white with a quiet zone around them, at four pixels a module.
    private static (byte[] Gray, int Width, int Height)? Painted(List<PdfFill> fills, double module, int maxPixels)
    {
        var margin = QuietZoneModules * module;
        var (left, bottom) = (fills.Min(f => f.Left) - margin, fills.Min(f => f.Bottom) - margin);
        var (right, top) = (fills.Max(f => f.Right) + margin, fills.Max(f => f.Top) + margin);
        var scale = PixelsPerModule / module;
        var (across, down) = (Math.Ceiling((right - left) * scale), Math.Ceiling((top - bottom) * scale));
        if (!(across * down <= maxPixels)) return null;
        var (width, height) = ((int)across, (int)down);
        var gray = new byte[width * height];
        Array.Fill(gray, (byte)255);
        // Overdraw is bounded: a stream of rectangles each covering the square paints it a few times, not thousands.
        var paintable = 16L * gray.Length;
        foreach (var fill in fills)
        {
            // Rows run down the page, y up it; pixels whose centres the rectangle covers are painted.
            var (x0, x1) = (Pixel((fill.Left - left) * scale, width), Pixel((fill.Right - left) * scale, width));
            var (y0, y1) = (Pixel((top - fill.Top) * scale, height), Pixel((top - fill.Bottom) * scale, height));
            if ((paintable -= (long)(x1 - x0) * (y1 - y0)) < 0) break;
            for (var y = y0; y < y1; y++) gray.AsSpan((y * width) + x0, x1 - x0).Fill(fill.Gray);
        }
        return (gray, width, height);
    }

    private static int Pixel(double at, int size) => Math.Clamp((int)Math.Round(at), 0, size);
}
