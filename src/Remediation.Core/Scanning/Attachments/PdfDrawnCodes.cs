using System.Globalization;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// QR codes a PDF draws as shapes rather than as an image: ReportLab, cairo, Ghostscript and TCPDF write each module,
/// or each run of modules, as a filled rectangle (<c>x y w h re f</c>), which no image reader sees. A content stream's
/// filled rectangles are gathered through its transforms; where the rectangles sized in whole modules of one width
/// cover a square of 21 to 177 modules, as a code's three finder patterns make them, that square is painted in
/// drawing order onto white and read like an image.
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
    // Nested "q" beyond this is hostile; deeper states are not kept.
    private const int MaxStateDepth = 64;

    // What one file's streams, compressed or not, are read to together.
    private const int MaxContentBytes = 4 * 1024 * 1024;

    // Keys of fonts, colour profiles, object and cross-reference lists, metadata and embedded files: the largest
    // streams of a file, and none of them a drawing, so they are not inflated.
    private static readonly byte[][] NotDrawings =
    [
        .. new[] { "/Length1", "/Length2", "/Length3", "/FontFile", "/Type1C", "/CIDFontType0C", "/OpenType", "/N ", "/N\n", "/ObjStm", "/XRef", "/Metadata", "/EmbeddedFile" }
            .Select(System.Text.Encoding.ASCII.GetBytes),
    ];

    private readonly record struct Fill(double Left, double Bottom, double Right, double Top, byte Gray);

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
            if (!DrawsRectangles(content) || CodeSquare(FilledRectangles(content)) is not { } square) continue;
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

    // Whether the stream names the rectangle operator often enough to draw a code: most streams (text, fonts, object
    // lists) are passed over at the cost of a search.
    private static bool DrawsRectangles(ReadOnlySpan<byte> content)
    {
        var found = 0;
        for (var at = 1; at < content.Length - 1 && found < MinRectangles; at += 2)
        {
            var next = content[at..].IndexOf("re"u8);
            if (next < 0) break;
            at += next;
            if (IsWhiteSpace(content[at - 1]) && (at + 2 == content.Length || IsWhiteSpace(content[at + 2]))) found++;
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

    // The filled rectangles a content stream paints, in page space and drawing order, with their fill's gray.
    private static List<Fill> FilledRectangles(ReadOnlySpan<byte> content)
    {
        var fills = new List<Fill>();
        var path = new List<(double X, double Y, double Width, double Height)>();
        var operands = new List<double>();
        var states = new Stack<(Matrix Transform, byte Gray)>();
        var (transform, gray) = (Matrix.Identity, (byte)0);
        var at = 0;
        while (at < content.Length && fills.Count < MaxRectangles)
        {
            var c = content[at];
            if (IsWhiteSpace(c)) { at++; continue; }
            if (c is (byte)'(' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%')
            {
                at = Skip(content, at);
                if (c is not ((byte)'[' or (byte)']')) operands.Clear();
                continue;
            }
            var end = at;
            while (end < content.Length && !IsWhiteSpace(content[end]) && !IsDelimiter(content[end])) end++;
            if (end == at) end++;
            var token = content[at..end];
            at = end;
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                if (operands.Count < 8) operands.Add(number);
                continue;
            }
            switch (System.Text.Encoding.ASCII.GetString(token))
            {
                case "q" when states.Count < MaxStateDepth: states.Push((transform, gray)); break;
                case "Q" when states.Count > 0: (transform, gray) = states.Pop(); break;
                case "cm" when operands.Count == 6: transform = new Matrix(operands[0], operands[1], operands[2], operands[3], operands[4], operands[5]).Then(transform); break;
                case "g" or "rg" or "k" or "sc" or "scn": gray = GrayOf(operands) ?? gray; break;
                case "re" when operands.Count == 4 && path.Count < MaxRectangles: path.Add((operands[0], operands[1], operands[2], operands[3])); break;
                case "f" or "F" or "f*" or "B" or "B*" or "b" or "b*":
                    foreach (var rectangle in path) fills.Add(transform.Box(rectangle, gray));
                    path.Clear();
                    break;
                case "n" or "S" or "s": path.Clear(); break;
                case "BI": at = AfterInlineImage(content, at); break;
            }
            operands.Clear();
        }
        return fills;
    }

    // The rectangles of a code, when enough of them, sized in whole modules, cover a square of a code's size. The
    // module is the commonest short side, of dark rectangles or, for a code drawn light on dark, of light ones.
    private static (List<Fill> Fills, double Module)? CodeSquare(List<Fill> fills)
    {
        if (fills.Count < MinRectangles) return null;
        var module = fills.GroupBy(f => Math.Round(Math.Min(f.Right - f.Left, f.Top - f.Bottom), 3))
            .Where(g => g.Key > 0).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (module <= 0) return null;
        var square = fills.Where(f => WholeModules(f.Right - f.Left, module) && WholeModules(f.Top - f.Bottom, module)).ToList();
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
    private static (byte[] Gray, int Width, int Height)? Painted(List<Fill> fills, double module, int maxPixels)
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

    // The fill's gray from its operands: one (gray), three (RGB) or four (CMYK) components between 0 and 1.
    private static byte? GrayOf(List<double> operands)
    {
        var level = operands.Count switch
        {
            1 => operands[0],
            3 => (0.299 * operands[0]) + (0.587 * operands[1]) + (0.114 * operands[2]),
            4 => 1 - Math.Min(1, operands[3] + ((operands[0] + operands[1] + operands[2]) / 3)),
            _ => double.NaN,
        };
        return double.IsNaN(level) ? null : (byte)Math.Round(Math.Clamp(level, 0, 1) * 255);
    }

    // Past a string, hex string, dictionary bracket, array bracket, name or comment.
    private static int Skip(ReadOnlySpan<byte> content, int at)
    {
        switch (content[at])
        {
            case (byte)'(':
                var depth = 0;
                for (; at < content.Length; at++)
                {
                    if (content[at] == '\\') at++;
                    else if (content[at] == '(') depth++;
                    else if (content[at] == ')' && --depth == 0) return at + 1;
                }
                return content.Length;
            case (byte)'<' when at + 1 < content.Length && content[at + 1] == '<':
                return at + 2;
            case (byte)'<':
                var close = content[at..].IndexOf((byte)'>');
                return close < 0 ? content.Length : at + close + 1;
            case (byte)'>':
                return at + 1 < content.Length && content[at + 1] == '>' ? at + 2 : at + 1;
            case (byte)'/':
                at++;
                while (at < content.Length && !IsWhiteSpace(content[at]) && !IsDelimiter(content[at])) at++;
                return at;
            case (byte)'%':
                var line = content[at..].IndexOfAny((byte)'\r', (byte)'\n');
                return line < 0 ? content.Length : at + line;
            default:
                return at + 1;
        }
    }

    // An inline image's data is binary: resume after its "EI".
    private static int AfterInlineImage(ReadOnlySpan<byte> content, int at)
    {
        var end = content[at..].IndexOf(" EI"u8);
        var alternative = content[at..].IndexOf("\nEI"u8);
        var found = end < 0 ? alternative : alternative < 0 ? end : Math.Min(end, alternative);
        return found < 0 ? content.Length : at + found + 3;
    }

    private static bool IsWhiteSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0;

    private static bool IsDelimiter(byte c) => c is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    // A PDF transform [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f.
    private readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
    {
        public static readonly Matrix Identity = new(1, 0, 0, 1, 0, 0);

        // This transform applied first, then the other: "cm" puts the new one ahead of the current.
        public Matrix Then(Matrix other) => new(
            (A * other.A) + (B * other.C), (A * other.B) + (B * other.D),
            (C * other.A) + (D * other.C), (C * other.B) + (D * other.D),
            (E * other.A) + (F * other.C) + other.E, (E * other.B) + (F * other.D) + other.F);

        // The page-space bounds of a rectangle: a code is drawn square to the page, flipped or turned by right angles.
        public Fill Box((double X, double Y, double Width, double Height) r, byte gray)
        {
            var (x0, y0) = Apply(r.X, r.Y);
            var (x1, y1) = Apply(r.X + r.Width, r.Y + r.Height);
            return new Fill(Math.Min(x0, x1), Math.Min(y0, y1), Math.Max(x0, x1), Math.Max(y0, y1), gray);
        }

        private (double X, double Y) Apply(double x, double y) => ((A * x) + (C * y) + E, (B * x) + (D * y) + F);
    }
}
