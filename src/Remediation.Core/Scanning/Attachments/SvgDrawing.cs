using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// The rectangles an SVG paints, in document order, as QR generators draw a module in SVG: a <c>rect</c> (qrencode), a
/// path of four-cornered subpaths (qrcode-generator) or of runs stroked a module wide (the npm <c>qrcode</c> package).
/// Transforms (translate, scale, matrix) and the fill, stroke and stroke width of enclosing groups are followed. A file
/// that is not well-formed XML paints what was read before the fault: a browser shows no such file at all.
/// </summary>
internal static partial class SvgDrawing
{
    private const int MaxDepth = 64;
    // Commands and numbers of one path read: a version 40 code drawn a closed square a module takes about 400,000.
    private const int MaxPathTokens = 400_000;

    private sealed record Style(DrawingMatrix Transform, byte? Fill, byte? Stroke, double StrokeWidth, bool SquareCaps);

    private static readonly XmlReaderSettings Settings = new()
    {
        // A DOCTYPE is skipped, never fetched nor expanded.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static List<DrawnFill> Fills(string svg, int maxFills)
    {
        var fills = new List<DrawnFill>();
        var enclosing = new Stack<Style>();
        var style = new Style(DrawingMatrix.Identity, 0, null, 1, false);
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), Settings);
            while (reader.Read() && fills.Count < maxFills)
            {
                if (reader.NodeType == XmlNodeType.EndElement && enclosing.Count > 0) style = enclosing.Pop();
                if (reader.NodeType != XmlNodeType.Element) continue;
                var own = StyleOf(reader, style);
                switch (reader.LocalName)
                {
                    case "rect": Rectangle(reader, own, fills); break;
                    case "path": Path(reader.GetAttribute("d") ?? "", own, fills); break;
                }
                if (reader.IsEmptyElement) continue;
                if (enclosing.Count >= MaxDepth) return fills;
                enclosing.Push(style);
                style = own;
            }
        }
        catch (XmlException)
        {
            // Not well-formed past here.
        }
        return fills;
    }

    // The element's transform ahead of its parent's, and its paint where it sets one (as an attribute or in style).
    private static Style StyleOf(XmlReader element, Style parent)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        // As in CSS, a property declared twice takes the later value.
        foreach (Match declaration in Declarations().Matches(element.GetAttribute("style") ?? ""))
        {
            declared[declaration.Groups["name"].Value.Trim().ToLowerInvariant()] = declaration.Groups["value"].Value.Trim();
        }
        string? Property(string name) => declared.GetValueOrDefault(name) ?? element.GetAttribute(name);
        return new Style(
            Transform(element.GetAttribute("transform")).Then(parent.Transform),
            Property("fill") is { } fill ? GrayOf(fill) : parent.Fill,
            Property("stroke") is { } stroke ? GrayOf(stroke) : parent.Stroke,
            Property("stroke-width") is { } width && Number(width) is { } w ? w : parent.StrokeWidth,
            Property("stroke-linecap") is { } cap ? cap is "square" or "round" : parent.SquareCaps);
    }

    private static void Rectangle(XmlReader element, Style style, List<DrawnFill> fills)
    {
        if (style.Fill is not { } gray) return;
        var (x, y) = (Number(element.GetAttribute("x")) ?? 0, Number(element.GetAttribute("y")) ?? 0);
        var (width, height) = (Number(element.GetAttribute("width")) ?? 0, Number(element.GetAttribute("height")) ?? 0);
        if (!(width > 0 && height > 0)) return;
        var path = new DrawnPath();
        path.Rectangle(Page(style, x, y), Page(style, x + width, y), Page(style, x + width, y + height), Page(style, x, y + height));
        path.Fill(gray, fills);
    }

    // Straight commands are followed; a curve or arc takes its end point and leaves its subpath no module's shape.
    private static void Path(string data, Style style, List<DrawnFill> fills)
    {
        var path = new DrawnPath();
        var (x, y, startX, startY) = (0.0, 0.0, 0.0, 0.0);
        var command = 'M';
        var numbers = new List<double>();
        var tokens = 0;
        foreach (var match in PathTokens().EnumerateMatches(data))
        {
            if (++tokens > MaxPathTokens) break;
            var token = data.AsSpan(match.Index, match.Length);
            if (char.IsLetter(token[0]))
            {
                Segment(command, numbers);
                command = token[0];
                numbers.Clear();
                if (command is 'Z' or 'z') Segment(command, numbers);
            }
            else if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                numbers.Add(number);
            }
        }
        Segment(command, numbers);
        if (style.Fill is { } fill) path.Fill(fill, fills);
        if (style.Stroke is { } stroke) path.Stroke(stroke, style.StrokeWidth * style.Transform.Scale, style.SquareCaps, closeAll: false, fills);

        void Segment(char name, List<double> values)
        {
            var relative = char.IsLower(name);
            var arity = char.ToUpperInvariant(name) switch { 'M' or 'L' or 'T' => 2, 'H' or 'V' => 1, 'S' or 'Q' => 4, 'C' => 6, 'A' => 7, _ => 0 };
            if (arity == 0)
            {
                path.Close();
                (x, y) = (startX, startY);
                return;
            }
            for (var at = 0; at + arity <= values.Count; at += arity)
            {
                var (dx, dy) = relative ? (x, y) : (0, 0);
                switch (char.ToUpperInvariant(name))
                {
                    case 'H': x = values[at] + dx; break;
                    case 'V': y = values[at] + dy; break;
                    default: (x, y) = (values[at + arity - 2] + dx, values[at + arity - 1] + dy); break;
                }
                var point = Page(style, x, y);
                // A move's further pairs are lines (SVG 2, 9.3.3).
                if (char.ToUpperInvariant(name) == 'M' && at == 0)
                {
                    path.MoveTo(point);
                    (startX, startY) = (x, y);
                }
                else if (arity is 1 or 2 && char.ToUpperInvariant(name) != 'T') path.LineTo(point);
                else path.CurveTo(point);
            }
        }
    }

    // SVG's y runs down the page; the drawing's runs up.
    private static (double X, double Y) Page(Style style, double x, double y)
    {
        var (px, py) = style.Transform.Apply(x, y);
        return (px, -py);
    }

    // "translate(4,4) scale(2)": translate, scale and matrix are read; any other transform leaves the drawing as it is.
    private static DrawingMatrix Transform(string? list)
    {
        var transform = DrawingMatrix.Identity;
        if (list is null) return transform;
        foreach (Match step in TransformSteps().Matches(list))
        {
            var values = NumbersIn(step.Groups["values"].Value);
            var next = (step.Groups["name"].Value, values.Count) switch
            {
                ("translate", 1) => new DrawingMatrix(1, 0, 0, 1, values[0], 0),
                ("translate", 2) => new DrawingMatrix(1, 0, 0, 1, values[0], values[1]),
                ("scale", 1) => new DrawingMatrix(values[0], 0, 0, values[0], 0, 0),
                ("scale", 2) => new DrawingMatrix(values[0], 0, 0, values[1], 0, 0),
                ("matrix", 6) => new DrawingMatrix(values[0], values[1], values[2], values[3], values[4], values[5]),
                _ => DrawingMatrix.Identity,
            };
            // Written left to right, applied right to left: the last step acts on the points first.
            transform = next.Then(transform);
        }
        return transform;
    }

    // A paint's gray, or null for none; a colour not read counts as dark, as a code's modules mostly are.
    private static byte? GrayOf(string paint) => paint.Trim() is "none" or "transparent" ? null : CssColour.Gray(paint) ?? 0;

    private static double? Number(string? text) =>
        text is not null && double.TryParse(text.Trim().TrimEnd('x', 'p'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static List<double> NumbersIn(string text) =>
        [.. PathTokens().Matches(text).Select(m => m.Value).Where(v => !char.IsLetter(v[0])).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).Where(double.IsFinite)];

    [GeneratedRegex(@"[MmLlHhVvZzCcSsQqTtAa]|[-+]?(?:[0-9]*\.[0-9]+|[0-9]+\.?)(?:[eE][-+]?[0-9]+)?", LinearRegex.Options)]
    private static partial Regex PathTokens();

    [GeneratedRegex(@"(?<name>[a-z]+)\s*\((?<values>[^)]*)\)", LinearRegex.Options)]
    private static partial Regex TransformSteps();

    [GeneratedRegex(@"(?<name>[^:;]+):(?<value>[^;]*)", LinearRegex.Options)]
    private static partial Regex Declarations();
}
