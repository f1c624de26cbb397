using System.Globalization;
using System.Text;

namespace Remediation.Core.Scanning.Attachments;

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

    private sealed record State(DrawingMatrix Transform, byte Fill, byte Stroke, double LineWidth, int LineCap);

    /// <param name="maxFills">Rectangles after which the rest of the stream is not read.</param>
    public static List<DrawnFill> Fills(ReadOnlySpan<byte> content, int maxFills)
    {
        var fills = new List<DrawnFill>();
        var path = new DrawnPath();
        var operands = new List<double>();
        var saved = new Stack<State>();
        var state = new State(DrawingMatrix.Identity, 0, 0, 1, 0);
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
                    state = state with { Transform = new DrawingMatrix(operands[0], operands[1], operands[2], operands[3], operands[4], operands[5]).Then(state.Transform) };
                    break;
                case "g" or "rg" or "k" or "sc" or "scn": state = state with { Fill = GrayOf(operands) ?? state.Fill }; break;
                case "G" or "RG" or "K" or "SC" or "SCN": state = state with { Stroke = GrayOf(operands) ?? state.Stroke }; break;
                case "w" when operands.Count == 1: state = state with { LineWidth = Math.Abs(operands[0]) }; break;
                case "J" when operands.Count == 1: state = state with { LineCap = (int)operands[0] }; break;
                case "m" when operands.Count == 2: path.MoveTo(state.Transform.Apply(operands[0], operands[1])); break;
                case "l" when operands.Count == 2: path.LineTo(state.Transform.Apply(operands[0], operands[1])); break;
                case "c" or "v" or "y" when operands.Count is 4 or 6:
                    // Control points and end: a Bézier curve lies within their bounds.
                    for (var pair = 0; pair < operands.Count; pair += 2) path.CurveTo(state.Transform.Apply(operands[pair], operands[pair + 1]));
                    break;
                case "h": path.Close(); break;
                case "re" when operands.Count == 4:
                    var (x, y, width, height) = (operands[0], operands[1], operands[2], operands[3]);
                    path.Rectangle(state.Transform.Apply(x, y), state.Transform.Apply(x + width, y), state.Transform.Apply(x + width, y + height), state.Transform.Apply(x, y + height));
                    break;
                case "f" or "F" or "f*" or "B" or "B*" or "b" or "b*" or "S" or "s" or "n":
                    // Painting ends the path: "f" fills, "S" strokes, "B" does both, "n" neither; "s" and "b" close it first.
                    if (token[0] is (byte)'f' or (byte)'F' or (byte)'B' or (byte)'b') path.Fill(state.Fill, fills);
                    if (token[0] is (byte)'S' or (byte)'s' or (byte)'B' or (byte)'b')
                    {
                        // Butt caps (0) end at the point; round (1) and square (2) ones reach past it.
                        path.Stroke(state.Stroke, state.LineWidth * state.Transform.Scale, squareCaps: state.LineCap != 0, closeAll: token[0] is (byte)'s' or (byte)'b', fills);
                    }
                    path.Clear();
                    break;
                case "BI": at = AfterInlineImage(content, at); break;
            }
            operands.Clear();
        }
        return fills;
    }

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
}
