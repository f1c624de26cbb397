using System.Globalization;
using System.Text;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>A rectangle a PDF page paints, in page space, and the gray it is painted in (0 black, 255 white).</summary>
internal readonly record struct PdfFill(double Left, double Bottom, double Right, double Top, byte Gray)
{
    public double Width => Right - Left;

    public double Height => Top - Bottom;
}

/// <summary>
/// The rectangles a PDF content stream paints, in drawing order, as the ways QR generators draw a module come out of PDF
/// writers: a filled rectangle (<c>x y w h re f</c>: ReportLab, cairo, Ghostscript, TCPDF), a filled four-cornered path
/// (<c>m l l l h f</c>: an SVG of one path per module, printed), and a horizontal or vertical line stroked one module
/// wide (<c>m l S</c>: an SVG of stroked runs, as the npm <c>qrcode</c> package writes, printed). Transforms, fill and
/// stroke colours, line widths and caps are followed through saved states; curves, text, images and anything not
/// square to the page are not painted.
/// </summary>
internal static class PdfDrawing
{
    // Nested "q" beyond this is hostile; deeper states are not kept.
    private const int MaxStateDepth = 64;
    private const int MaxPathPoints = 160_000;
    // How far from level or upright, in page units, a side may lean and still be read as square to the page.
    private const double Lean = 1e-3;

    private sealed record State(Matrix Transform, byte Fill, byte Stroke, double LineWidth, int LineCap);

    private sealed class Subpath
    {
        public List<(double X, double Y)> Points { get; } = [];

        public bool Closed { get; set; }

        public bool Curved { get; set; }
    }

    /// <param name="maxFills">Rectangles after which the rest of the stream is not read.</param>
    public static List<PdfFill> Fills(ReadOnlySpan<byte> content, int maxFills)
    {
        var fills = new List<PdfFill>();
        var path = new List<Subpath>();
        var points = 0;
        var operands = new List<double>();
        var saved = new Stack<State>();
        var state = new State(Matrix.Identity, 0, 0, 1, 0);
        var at = 0;
        while (at < content.Length && fills.Count < maxFills)
        {
            var c = content[at];
            if (IsWhiteSpace(c))
            {
                at++;
                continue;
            }
            if (IsDelimiter(c))
            {
                at = Skip(content, at);
                // An array's numbers are operands of the operator after it (a dash pattern's "[3 2] 0 d").
                if (c is not ((byte)'[' or (byte)']')) operands.Clear();
                continue;
            }
            var end = at;
            while (end < content.Length && !IsWhiteSpace(content[end]) && !IsDelimiter(content[end])) end++;
            var token = content[at..end];
            at = end;
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                if (operands.Count < 8) operands.Add(number);
                continue;
            }
            switch (Encoding.ASCII.GetString(token))
            {
                case "q" when saved.Count < MaxStateDepth: saved.Push(state); break;
                case "Q" when saved.Count > 0: state = saved.Pop(); break;
                case "cm" when operands.Count == 6:
                    state = state with { Transform = new Matrix(operands[0], operands[1], operands[2], operands[3], operands[4], operands[5]).Then(state.Transform) };
                    break;
                case "g" or "rg" or "k" or "sc" or "scn": state = state with { Fill = GrayOf(operands) ?? state.Fill }; break;
                case "G" or "RG" or "K" or "SC" or "SCN": state = state with { Stroke = GrayOf(operands) ?? state.Stroke }; break;
                case "w" when operands.Count == 1: state = state with { LineWidth = Math.Abs(operands[0]) }; break;
                case "J" when operands.Count == 1: state = state with { LineCap = (int)operands[0] }; break;
                case "m" or "l" when operands.Count == 2 && points < MaxPathPoints:
                    if (token[0] == 'm' || path.Count == 0) path.Add(new Subpath());
                    path[^1].Points.Add(state.Transform.Apply(operands[0], operands[1]));
                    points++;
                    break;
                case "c" or "v" or "y" when path.Count > 0: path[^1].Curved = true; break;
                case "h" when path.Count > 0: path[^1].Closed = true; break;
                case "re" when operands.Count == 4 && points < MaxPathPoints:
                    var (x, y, width, height) = (operands[0], operands[1], operands[2], operands[3]);
                    var corners = new Subpath { Closed = true };
                    corners.Points.AddRange([state.Transform.Apply(x, y), state.Transform.Apply(x + width, y), state.Transform.Apply(x + width, y + height), state.Transform.Apply(x, y + height)]);
                    path.Add(corners);
                    points += 4;
                    break;
                case "f" or "F" or "f*" or "B" or "B*" or "b" or "b*" or "S" or "s" or "n":
                    // Painting ends the path: "f" fills, "S" strokes, "B" does both, "n" neither; "s" and "b" close it first.
                    if (token[0] is (byte)'f' or (byte)'F' or (byte)'B' or (byte)'b') Fill(path, state, fills);
                    if (token[0] is (byte)'S' or (byte)'s' or (byte)'B' or (byte)'b') Stroke(path, state, closeAll: token[0] is (byte)'s' or (byte)'b', fills);
                    path.Clear();
                    points = 0;
                    break;
                case "BI": at = AfterInlineImage(content, at); break;
            }
            operands.Clear();
        }
        return fills;
    }

    // Each four-cornered subpath square to the page, painted in the fill colour.
    private static void Fill(List<Subpath> path, State state, List<PdfFill> fills)
    {
        foreach (var subpath in path)
        {
            if (subpath.Curved) continue;
            var corners = subpath.Points;
            if (corners.Count == 5 && Near(corners[0], corners[4])) corners = corners[..4];
            if (corners.Count != 4 || !SquareToThePage(corners)) continue;
            fills.Add(new PdfFill(corners.Min(p => p.X), corners.Min(p => p.Y), corners.Max(p => p.X), corners.Max(p => p.Y), state.Fill));
        }
    }

    // Each level or upright side of each subpath, as the rectangle the stroke covers in the stroke colour.
    private static void Stroke(List<Subpath> path, State state, bool closeAll, List<PdfFill> fills)
    {
        var half = state.LineWidth * state.Transform.Scale / 2;
        if (half <= 0) return;
        // Butt caps end at the point; round and square ones reach half the width past it.
        var reach = state.LineCap == 0 ? 0 : half;
        foreach (var subpath in path)
        {
            if (subpath.Curved) continue;
            var points = subpath.Points;
            var sides = points.Zip(points.Skip(1)).ToList();
            if ((subpath.Closed || closeAll) && points.Count > 2) sides.Add((points[^1], points[0]));
            foreach (var (from, to) in sides)
            {
                var (left, right) = (Math.Min(from.X, to.X), Math.Max(from.X, to.X));
                var (bottom, top) = (Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y));
                if (top - bottom <= Lean && right - left > 0)
                {
                    fills.Add(new PdfFill(left - reach, bottom - half, right + reach, top + half, state.Stroke));
                }
                else if (right - left <= Lean && top - bottom > 0)
                {
                    fills.Add(new PdfFill(left - half, bottom - reach, right + half, top + reach, state.Stroke));
                }
            }
        }
    }

    // Four corners whose sides run level, upright, level, upright, starting either way.
    private static bool SquareToThePage(List<(double X, double Y)> corners)
    {
        bool Level(int i) => Math.Abs(corners[i].Y - corners[(i + 1) % 4].Y) <= Lean;
        bool Upright(int i) => Math.Abs(corners[i].X - corners[(i + 1) % 4].X) <= Lean;
        return (Level(0) && Upright(1) && Level(2) && Upright(3)) || (Upright(0) && Level(1) && Upright(2) && Level(3));
    }

    private static bool Near((double X, double Y) a, (double X, double Y) b) => Math.Abs(a.X - b.X) <= Lean && Math.Abs(a.Y - b.Y) <= Lean;

    // The gray from a colour's operands: one (gray), three (RGB) or four (CMYK) components between 0 and 1.
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

    public static bool IsWhiteSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0;

    private static bool IsDelimiter(byte c) => c is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    // A PDF transform [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f.
    private readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
    {
        public static readonly Matrix Identity = new(1, 0, 0, 1, 0, 0);

        // How much it scales a length: a line width in user space is this times wider on the page.
        public double Scale => Math.Sqrt(Math.Abs((A * D) - (B * C)));

        // This transform applied first, then the other: "cm" puts the new one ahead of the current.
        public Matrix Then(Matrix other) => new(
            (A * other.A) + (B * other.C), (A * other.B) + (B * other.D),
            (C * other.A) + (D * other.C), (C * other.B) + (D * other.D),
            (E * other.A) + (F * other.C) + other.E, (E * other.B) + (F * other.D) + other.F);

        public (double X, double Y) Apply(double x, double y) => ((A * x) + (C * y) + E, (B * x) + (D * y) + F);
    }
}
