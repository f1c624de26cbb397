using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// The rectangles an SVG paints, in document order, as QR generators draw a module in SVG: a <c>rect</c> (qrencode), a
/// path of four-cornered subpaths (qrcode-generator) or of runs stroked a module wide (the npm <c>qrcode</c> package),
/// or, for a styled code, round dots and rounded modules (<c>circle</c>, paths with arcs and curves) painted through a
/// clip path (qr-code-styling): a shape with curves paints its bounding box, and an element clipped by a
/// <c>clipPath</c> paints that clip's shapes in its own fill. Transforms (translate, scale, rotate, matrix) and the
/// fill, stroke and stroke width of enclosing groups are followed. A file that is not well-formed XML paints what was
/// read before the fault: a browser shows no such file at all.
/// </summary>
internal static partial class SvgDrawing
{
    private const int MaxDepth = 64;
    // Commands and numbers of one path read: a version 40 code drawn a closed square a module takes about 400,000.
    private const int MaxPathTokens = 400_000;

    // Target: where the element's shapes go, the drawing's fills or, inside a clipPath, that clip's shapes.
    private sealed record Style(DrawingMatrix Transform, byte? Fill, byte? Stroke, double StrokeWidth, bool SquareCaps, List<DrawnFill> Target);

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
        var clips = new Dictionary<string, List<DrawnFill>>(StringComparer.Ordinal);
        var clipShapes = 0;
        var enclosing = new Stack<Style>();
        var style = new Style(DrawingMatrix.Identity, 0, null, 1, false, fills);
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), Settings);
            while (reader.Read() && fills.Count < maxFills && clipShapes < maxFills)
            {
                if (reader.NodeType == XmlNodeType.EndElement && enclosing.Count > 0) style = enclosing.Pop();
                if (reader.NodeType != XmlNodeType.Element) continue;
                var (own, clipId) = StyleOf(reader, style);
                if (reader.LocalName == "clipPath" && reader.GetAttribute("id") is { } id) own = own with { Target = clips[id] = [] };
                // A clip's shapes are geometry, whatever their paint: recorded dark, their holes light.
                if (own.Target != fills) own = own with { Fill = 0 };
                if (clipId is not null && clips.TryGetValue(clipId, out var clip))
                {
                    // Painted where the clip's shapes are: those in this element's fill, their holes in the other gray.
                    if (own.Fill is { } gray)
                    {
                        var hole = gray < 128 ? (byte)255 : (byte)0;
                        own.Target.AddRange(clip.Take(maxFills - own.Target.Count).Select(f => f with { Gray = f.Gray < 128 ? gray : hole }));
                    }
                }
                else
                {
                    var count = own.Target.Count;
                    switch (reader.LocalName)
                    {
                        case "rect": Rectangle(reader, own); break;
                        case "circle" or "ellipse": Ellipse(reader, own); break;
                        case "path": Path(reader.GetAttribute("d") ?? "", own); break;
                    }
                    if (own.Target != fills) clipShapes += own.Target.Count - count;
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

    // The element's transform ahead of its parent's, and its paint where it sets one (as an attribute or in style); and
    // the clip path it names, which is not inherited.
    private static (Style Style, string? ClipId) StyleOf(XmlReader element, Style parent)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        // As in CSS, a property declared twice takes the later value.
        foreach (Match declaration in Declarations().Matches(element.GetAttribute("style") ?? ""))
        {
            declared[declaration.Groups["name"].Value.Trim().ToLowerInvariant()] = declaration.Groups["value"].Value.Trim();
        }
        string? Property(string name) => declared.GetValueOrDefault(name) ?? element.GetAttribute(name);
        var style = new Style(
            Transform(element.GetAttribute("transform")).Then(parent.Transform),
            Property("fill") is { } fill ? GrayOf(fill) : parent.Fill,
            Property("stroke") is { } stroke ? GrayOf(stroke) : parent.Stroke,
            Property("stroke-width") is { } width && Number(width) is { } w ? w : parent.StrokeWidth,
            Property("stroke-linecap") is { } cap ? cap is "square" or "round" : parent.SquareCaps,
            parent.Target);
        return (style, Property("clip-path") is { } clip && ClipReference().Match(clip) is { Success: true } reference ? reference.Groups["id"].Value : null);
    }

    private static void Rectangle(XmlReader element, Style style)
    {
        if (style.Fill is not { } gray) return;
        var (x, y) = (Number(element.GetAttribute("x")) ?? 0, Number(element.GetAttribute("y")) ?? 0);
        var (width, height) = (Number(element.GetAttribute("width")) ?? 0, Number(element.GetAttribute("height")) ?? 0);
        if (!(width > 0 && height > 0)) return;
        var path = new DrawnPath();
        path.Rectangle(Page(style, x, y), Page(style, x + width, y), Page(style, x + width, y + height), Page(style, x, y + height));
        path.Fill(gray, style.Target);
    }

    // A round dot fills the square around it.
    private static void Ellipse(XmlReader element, Style style)
    {
        if (style.Fill is not { } gray) return;
        var (x, y) = (Number(element.GetAttribute("cx")) ?? 0, Number(element.GetAttribute("cy")) ?? 0);
        var radius = Number(element.GetAttribute("r"));
        var (rx, ry) = (Number(element.GetAttribute("rx")) ?? radius ?? 0, Number(element.GetAttribute("ry")) ?? radius ?? 0);
        if (!(rx > 0 && ry > 0)) return;
        var path = new DrawnPath();
        path.MoveTo(Page(style, x - rx, y - ry));
        foreach (var (cornerX, cornerY) in new[] { (x + rx, y - ry), (x + rx, y + ry), (x - rx, y + ry) }) path.CurveTo(Page(style, cornerX, cornerY));
        path.Fill(gray, style.Target);
    }

    // Straight commands are followed; a curve adds its control points and end, an arc points along it, and the subpath
    // fills its bounding box.
    private static void Path(string data, Style style)
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
        if (style.Fill is { } fill) path.Fill(fill, style.Target);
        if (style.Stroke is { } stroke) path.Stroke(stroke, style.StrokeWidth * style.Transform.Scale, style.SquareCaps, closeAll: false, style.Target);

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
                var (fromX, fromY) = (x, y);
                switch (char.ToUpperInvariant(name))
                {
                    case 'H': x = values[at] + dx; break;
                    case 'V': y = values[at] + dy; break;
                    default: (x, y) = (values[at + arity - 2] + dx, values[at + arity - 1] + dy); break;
                }
                var point = Page(style, x, y);
                switch (char.ToUpperInvariant(name))
                {
                    // A move's further pairs are lines (SVG 2, 9.3.3).
                    case 'M' when at == 0:
                        path.MoveTo(point);
                        (startX, startY) = (x, y);
                        break;
                    case 'M' or 'L' or 'H' or 'V':
                        path.LineTo(point);
                        break;
                    case 'A':
                        foreach (var (arcX, arcY) in SvgArc.Points((fromX, fromY), values[at], values[at + 1], values[at + 2], values[at + 3] != 0, values[at + 4] != 0, (x, y)))
                        {
                            path.CurveTo(Page(style, arcX, arcY));
                        }
                        break;
                    default:
                        // The control points C, S and Q write; the ones S and T reflect are not tracked.
                        for (var pair = at; pair + 2 < at + arity; pair += 2) path.CurveTo(Page(style, values[pair] + dx, values[pair + 1] + dy));
                        path.CurveTo(point);
                        break;
                }
            }
        }
    }

    // SVG's y runs down the page; the drawing's runs up.
    private static (double X, double Y) Page(Style style, double x, double y)
    {
        var (px, py) = style.Transform.Apply(x, y);
        return (px, -py);
    }

    // A turn of this many degrees about (x, y); a quarter turn is exact, so a rotated square stays square to the page.
    private static DrawingMatrix Rotation(double degrees, double x, double y)
    {
        var turns = degrees / 90;
        var (cos, sin) = turns == Math.Round(turns)
            ? (((int)Math.Round(turns) % 4 + 4) % 4) switch { 0 => (1.0, 0.0), 1 => (0.0, 1.0), 2 => (-1.0, 0.0), _ => (0.0, -1.0) }
            : (Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));
        return new DrawingMatrix(1, 0, 0, 1, -x, -y).Then(new DrawingMatrix(cos, sin, -sin, cos, 0, 0)).Then(new DrawingMatrix(1, 0, 0, 1, x, y));
    }

    // "translate(4,4) scale(2)": translate, scale, rotate and matrix are read; any other transform leaves the drawing as it is.
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
                ("rotate", 1) => Rotation(values[0], 0, 0),
                ("rotate", 3) => Rotation(values[0], values[1], values[2]),
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

    // url(#id), url('#id') or url("#id").
    [GeneratedRegex(@"url\(\s*['""]?#(?<id>[^'"")\s]+)", LinearRegex.Options)]
    private static partial Regex ClipReference();

    [GeneratedRegex(@"(?<name>[a-z]+)\s*\((?<values>[^)]*)\)", LinearRegex.Options)]
    private static partial Regex TransformSteps();

    [GeneratedRegex(@"(?<name>[^:;]+):(?<value>[^;]*)", LinearRegex.Options)]
    private static partial Regex Declarations();
}
