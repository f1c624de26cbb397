using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// The text a PDF shows on its pages, in the order its content streams write it: what a reader opening the attachment
/// reads. Lures move there ("your account is on hold", "call us to cancel the renewal") because the rules that read
/// mail read its body. Each page's fonts are followed from its resources (inherited from its parents too), and a
/// font's codes become letters through its <c>/ToUnicode</c> map, or as Latin-1 for a simple font that has none; a
/// font with neither writes nothing readable and is skipped. Forms (XObjects) are read where a page draws them; text
/// drawn as paths or images is not.
/// </summary>
internal static partial class PdfText
{
    // Pages read per file, and the parents followed upwards for inherited resources.
    private const int MaxPages = 50;
    private const int MaxParentDepth = 8;
    // A hostile /ToUnicode map or width array could ask for millions of codes: more than a font can hold is not read.
    private const int MaxRangeCodes = 0x10000;

    /// <summary>The text of the pages, a line for each line the content streams start, up to <paramref name="maxChars"/>.</summary>
    public static string Of(ReadOnlySpan<byte> pdf, int maxChars)
    {
        var objects = PdfObjects.Of(pdf);
        var text = new StringBuilder();
        // Pages share their fonts: each is read once.
        var fonts = new Dictionary<int, PdfFont>();
        foreach (var page in objects.Bodies.Select(PdfObjects.Dictionary).Where(body => PageType().IsMatch(body)).Take(MaxPages))
        {
            if (text.Length >= maxChars) break;
            Read(objects, ResourcesOf(objects, page), PdfObjects.References(PdfObjects.Written(page, "Contents")), text, maxChars, formsRead: [], fonts);
            text.Append('\n');
        }
        return text.Length > maxChars ? text.ToString(0, maxChars) : text.ToString();
    }

    // Content streams with the fonts of their resources; a form they draw ("/Fm1 Do") is read where it is drawn, with
    // its own resources, once per page, so a form drawing itself or drawn a thousand times is read once.
    private static void Read(PdfObjects objects, string resources, IEnumerable<int> contents, StringBuilder text, int maxChars, HashSet<int> formsRead, Dictionary<int, PdfFont> fonts)
    {
        var forms = PdfObjects.Entries(objects.Value(resources, "XObject")).ToLookup(entry => entry.Name, entry => entry.Number);
        void DrawForm(string name)
        {
            foreach (var number in forms[name].Where(formsRead.Add))
            {
                if (objects.Body(number) is not { } form || !FormType().IsMatch(PdfObjects.Dictionary(form))) continue;
                text.Append('\n');
                Read(objects, objects.Value(PdfObjects.Dictionary(form), "Resources") ?? resources, [number], text, maxChars, formsRead, fonts);
                text.Append('\n');
            }
        }
        var reader = new PdfTextReader(FontsOf(objects, resources, fonts), text, maxChars, DrawForm);
        foreach (var content in contents) reader.Read(Encoding.Latin1.GetString(objects.StreamData(content)));
    }

    // A page's resources, or those of the nearest parent that has them.
    private static string ResourcesOf(PdfObjects objects, string page)
    {
        var node = page;
        for (var depth = 0; depth < MaxParentDepth; depth++)
        {
            if (objects.Value(node, "Resources") is { } resources) return resources;
            if (objects.Value(node, "Parent") is not { } parent) break;
            node = parent;
        }
        return "";
    }

    // The fonts of a resource dictionary by name, each read once for the file.
    private static Dictionary<string, PdfFont> FontsOf(PdfObjects objects, string resources, Dictionary<int, PdfFont> read)
    {
        var fonts = new Dictionary<string, PdfFont>(StringComparer.Ordinal);
        foreach (var (name, number) in PdfObjects.Entries(objects.Value(resources, "Font")))
        {
            if (!read.TryGetValue(number, out var font) && objects.Body(number) is { } body) read[number] = font = FontOf(objects, PdfObjects.Dictionary(body));
            if (font is not null) fonts[name] = font;
        }
        return fonts;
    }

    private static PdfFont FontOf(PdfObjects objects, string font)
    {
        var toUnicode = PdfObjects.References(PdfObjects.Written(font, "ToUnicode")).FirstOrDefault(-1);
        var map = toUnicode >= 0 ? CMap(Encoding.Latin1.GetString(objects.StreamData(toUnicode))) : [];
        if (!font.Contains("/Type0", StringComparison.Ordinal))
        {
            var widths = new Dictionary<int, double>();
            var first = PdfDictionary.Number(font, "FirstChar") ?? 0;
            foreach (var (width, i) in Numbers(objects.Value(font, "Widths")).Select((w, i) => (w, i))) widths[first + i] = width;
            return new PdfFont(map.Count > 0 ? map : null, 1, widths, widths.Count > 0 ? 0 : null, Readable: true);
        }
        // A composite font's codes are glyph numbers, two bytes each as writers use it; without a map they spell nothing.
        var descendant = PdfObjects.References(objects.Value(font, "DescendantFonts")).Select(objects.Body).OfType<string>().FirstOrDefault() is { } body
            ? PdfObjects.Dictionary(body) : "";
        return new PdfFont(map.Count > 0 ? map : null, map.Count > 0 ? map.Keys.Max(code => code.Bytes) : 2,
            CidWidths(objects.Value(descendant, "W")), PdfDictionary.Number(descendant, "DW") ?? 1000, Readable: map.Count > 0);
    }

    // A CID font's widths: "c [w1 w2 …]" gives codes from c on, "first last w" gives a run of codes one width.
    internal static Dictionary<int, double> CidWidths(string? array)
    {
        var widths = new Dictionary<int, double>();
        if (array is null) return widths;
        var tokens = WidthToken().Matches(array).Select(m => m.Value).ToList();
        for (var i = 0; i + 1 < tokens.Count;)
        {
            if (!int.TryParse(tokens[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)) { i++; continue; }
            if (tokens[i + 1] == "[")
            {
                i += 2;
                for (; i < tokens.Count && tokens[i] != "]"; i++) widths[code++] = Number(tokens[i]);
                i++;
            }
            else if (i + 2 < tokens.Count && int.TryParse(tokens[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var last) && last - code < MaxRangeCodes)
            {
                for (var c = code; c <= last && widths.Count < MaxRangeCodes; c++) widths[c] = Number(tokens[i + 2]);
                i += 3;
            }
            else
            {
                i++;
            }
        }
        return widths;
    }

    internal static IEnumerable<double> Numbers(string? array) =>
        array is null ? [] : WidthToken().Matches(array).Select(m => m.Value).Where(t => t is not ("[" or "]")).Select(Number);

    private static double Number(string token) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : 0;

    /// <summary>A <c>/ToUnicode</c> CMap's codes and the letters each stands for.</summary>
    internal static Dictionary<PdfCode, string> CMap(string cmap)
    {
        var map = new Dictionary<PdfCode, string>();
        foreach (var block in Blocks(cmap, "beginbfchar", "endbfchar"))
        {
            var hex = RangeToken().Matches(block).Select(m => Hex(m.Value)).ToList();
            for (var i = 0; i + 1 < hex.Count; i += 2)
            {
                if (IsCode(hex[i])) map[new PdfCode(hex[i].Length / 2, Convert.ToInt32(hex[i], 16))] = Utf16(hex[i + 1]);
            }
        }
        foreach (var block in Blocks(cmap, "beginbfrange", "endbfrange"))
        {
            // "<low> <high> <first>" or "<low> <high> [<each> …]", however the writer breaks its lines.
            var tokens = RangeToken().Matches(block).Select(m => m.Value).ToList();
            for (var i = 0; i + 2 < tokens.Count;)
            {
                var (low, high) = (Hex(tokens[i]), Hex(tokens[i + 1]));
                var isArray = tokens[i + 2] == "[";
                var destinations = isArray ? tokens.Skip(i + 3).TakeWhile(t => t != "]").Select(Hex).ToList() : [Hex(tokens[i + 2])];
                i += isArray ? destinations.Count + 4 : 3;
                if (!IsCode(low) || high.Length is 0 or > 8) continue;
                var (first, last) = (Convert.ToInt64(low, 16), Convert.ToInt64(high, 16));
                if (last < first || last - first >= MaxRangeCodes) continue;
                var counted = isArray ? null : Counter(destinations[0]);
                for (var code = first; code <= last && map.Count < MaxRangeCodes; code++)
                {
                    var offset = (int)(code - first);
                    var letters = counted is not null ? counted(offset) : offset < destinations.Count ? Utf16(destinations[offset]) : null;
                    if (letters is not null) map[new PdfCode(low.Length / 2, unchecked((int)code))] = letters;
                }
            }
        }
        return map;
    }

    // Each block from its begin to its end; the next is looked for after that end, so each byte is searched once.
    private static IEnumerable<string> Blocks(string cmap, string begin, string end)
    {
        for (var at = cmap.IndexOf(begin, StringComparison.Ordinal); at >= 0;)
        {
            var stop = cmap.IndexOf(end, at, StringComparison.Ordinal);
            if (stop < 0) yield break;
            yield return cmap[(at + begin.Length)..stop];
            at = cmap.IndexOf(begin, stop, StringComparison.Ordinal);
        }
    }

    // A code of one to four whole bytes, as fonts' strings hold them.
    private static bool IsCode(string hex) => hex.Length is 2 or 4 or 6 or 8;

    private static string Hex(string token) => string.Concat(token.Where(char.IsAsciiHexDigit)).ToUpperInvariant();

    // The letters of a range's codes from its first destination: each the next one, counted up by the code's offset and
    // carried into the bytes before the last, as readers do (TCPDF maps a font as one range, <0000> <FFFF> <0000>). A
    // single UTF-16 unit, by far the most common, costs no hex parsing per code.
    private static Func<int, string> Counter(string first)
    {
        if (first.Length is 0 || first.Length % 4 != 0) return _ => "";
        if (first.Length == 4)
        {
            var unit = Convert.ToInt32(first, 16);
            return offset => Letter((unit + offset) & 0xFFFF);
        }
        // Several units (a surrogate pair, a ligature's letters): the last one is counted up.
        var (before, last) = (first[..^4], Convert.ToInt32(first[^4..], 16));
        return offset => Utf16(before + ((last + offset) & 0xFFFF).ToString("X4", CultureInfo.InvariantCulture));
    }

    // One UTF-16 unit as a string; half of a surrogate pair alone is no letter.
    private static string Letter(int unit) => unit is >= 0xD800 and <= 0xDFFF ? "\uFFFD" : PdfFont.Latin1(unit);

    private static string Utf16(string hex) =>
        hex.Length % 4 == 0 && hex.Length > 0 ? Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex)) : "";

    [GeneratedRegex(@"/Type\s*/Page\b", LinearRegex.Options)]
    private static partial Regex PageType();

    [GeneratedRegex(@"/Subtype\s*/Form\b", LinearRegex.Options)]
    private static partial Regex FormType();

    // A hex string or an array's bracket, as CMaps write their codes.
    [GeneratedRegex(@"<[0-9A-Fa-f\s]*>|\[|\]", LinearRegex.Options)]
    private static partial Regex RangeToken();

    [GeneratedRegex(@"-?[0-9]*\.?[0-9]+|\[|\]", LinearRegex.Options)]
    private static partial Regex WidthToken();
}
