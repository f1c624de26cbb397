using System.Globalization;
using System.Text;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>A code a font's strings hold: its value and how many bytes it takes (<c>&lt;0041&gt;</c> is not <c>&lt;41&gt;</c>).</summary>
internal readonly record struct PdfCode(int Bytes, int Value);

/// <summary>
/// A font of a page, as far as reading its text needs: the letters each code stands for (its <c>/ToUnicode</c> map, or
/// Latin-1 for a simple font without one) and how far each code advances, in thousandths of the font's size (null
/// where the file gives no widths).
/// </summary>
internal sealed record PdfFont(Dictionary<PdfCode, string>? Map, int CodeBytes, Dictionary<int, double> Widths, double? DefaultWidth, bool Readable)
{
    public static readonly PdfFont Unknown = new(null, 1, [], null, Readable: true);

    /// <summary>The codes a shown string holds, each with its letters.</summary>
    public IEnumerable<(int Code, string Letters)> Codes(byte[] shown)
    {
        if (Map is null)
        {
            for (var i = 0; i + CodeBytes <= shown.Length; i += CodeBytes)
            {
                var code = CodeBytes == 1 ? shown[i] : (shown[i] << 8) | shown[i + 1];
                yield return (code, Readable ? Latin1(code) : "");
            }
            yield break;
        }
        var (bytes, value) = (0, 0);
        foreach (var b in shown)
        {
            (bytes, value) = (bytes + 1, (value << 8) | b);
            if (Map.TryGetValue(new PdfCode(bytes, value), out var letters) || bytes >= CodeBytes)
            {
                // A simple font's map may cover only the letters its writer thought unusual; the rest are Latin-1.
                yield return (value, letters ?? (CodeBytes == 1 ? Latin1(value) : ""));
                (bytes, value) = (0, 0);
            }
        }
    }

    private static readonly string[] Latin1Letters = [.. Enumerable.Range(0, 256).Select(code => ((char)code).ToString())];

    /// <summary>A one-byte code as the Latin-1 letter it is; a larger one as the UTF-16 unit of that number.</summary>
    internal static string Latin1(int code) => code is >= 0 and < 256 ? Latin1Letters[code] : ((char)code).ToString();

    public double? Width(int code) => Widths.TryGetValue(code, out var width) ? width : DefaultWidth;
}

/// <summary>
/// Reads a page's content streams for the text they show, following the text state far enough to know where words
/// and lines break: a string shown where the last one ended continues its word ("Cus" "tomer"), one shown a fifth of
/// the font's size further on starts a new word, and one shown lower starts a new line. Where a font gives no widths,
/// any move between strings counts as a new word. Inline images ("BI … ID data EI") are skipped, their data being binary.
/// </summary>
internal sealed class PdfTextReader(Dictionary<string, PdfFont> fonts, StringBuilder text, int maxChars, Action<string> drawForm)
{
    private const int MaxOperands = 8;
    private const int MaxArrayItems = 4096;

    private readonly List<object> _operands = [];
    private List<object>? _array;
    private PdfFont _font = PdfFont.Unknown;
    private double _size = 1, _charSpacing, _wordSpacing, _scale = 1, _leading;
    private TextMatrix _matrix = TextMatrix.Identity, _lineMatrix = TextMatrix.Identity;
    // Where the last string ended (its x is unknown when its font had no widths), and whether the text moved since.
    private (double? X, double Y)? _lastEnd;
    private bool _moved;

    /// <param name="content">A content stream, its bytes read as Latin-1.</param>
    public void Read(string content)
    {
        var at = 0;
        while (at < content.Length && text.Length < maxChars)
        {
            var c = content[at];
            if (IsWhiteSpace(c))
            {
                at++;
                continue;
            }
            object token;
            switch (c)
            {
                case '%':
                    while (at < content.Length && content[at] is not ('\n' or '\r')) at++;
                    continue;
                case '(':
                    (token, at) = PdfDictionary.Literal(content, at);
                    break;
                case '<' or '>' when at + 1 < content.Length && content[at + 1] == c:
                    at += 2;
                    continue;
                case '<':
                    var close = content.IndexOf('>', at);
                    var end = close < 0 ? content.Length : close;
                    token = PdfLinks.AsciiHex(content[(at + 1)..end]);
                    at = Math.Min(content.Length, end + 1);
                    break;
                case '[':
                    _array = [];
                    at++;
                    continue;
                case ']':
                    if (_operands.Count < MaxOperands) _operands.Add(_array ?? []);
                    _array = null;
                    at++;
                    continue;
                default:
                    var start = at++;
                    while (at < content.Length && !IsWhiteSpace(content[at]) && content[at] is not ('(' or '<' or '[' or ']' or '/' or '%' or '>')) at++;
                    var word = content.AsSpan(start, at - start);
                    if (c == '/') token = word.ToString();
                    else if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) token = number;
                    else
                    {
                        at = Operate(word, content, at);
                        _operands.Clear();
                        continue;
                    }
                    break;
            }
            // No operator takes more than six operands, and a line's TJ array holds hundreds: a hostile stream of
            // millions of numbers with no operator keeps no more than these.
            if (_array is not null) { if (_array.Count < MaxArrayItems) _array.Add(token); }
            else if (_operands.Count < MaxOperands) _operands.Add(token);
        }
    }

    private static bool IsWhiteSpace(char c) => c <= ' ' && PdfDrawing.IsWhiteSpace((byte)c);

    private double Operand(int i) => i < _operands.Count && _operands[i] is double value ? value : 0;

    private int Operate(ReadOnlySpan<char> op, string content, int at)
    {
        switch (op)
        {
            case "BT":
                _matrix = _lineMatrix = TextMatrix.Identity;
                break;
            case "Tf" when _operands.Count >= 2 && _operands[0] is string name:
                _font = fonts.GetValueOrDefault(name[1..]) ?? PdfFont.Unknown;
                _size = Operand(1);
                break;
            case "Tc": _charSpacing = Operand(0); break;
            case "Tw": _wordSpacing = Operand(0); break;
            case "Tz": _scale = Operand(0) / 100; break;
            case "TL": _leading = Operand(0); break;
            case "Td": MoveLine(Operand(0), Operand(1)); break;
            case "TD":
                _leading = -Operand(1);
                MoveLine(Operand(0), Operand(1));
                break;
            case "Tm" when _operands.Count >= 6:
                _matrix = _lineMatrix = new TextMatrix(Operand(0), Operand(1), Operand(2), Operand(3), Operand(4), Operand(5));
                _moved = true;
                break;
            case "T*": MoveLine(0, -_leading); break;
            case "Tj" when _operands.LastOrDefault() is byte[] shown: Show(shown); break;
            case "'" when _operands.LastOrDefault() is byte[] shown:
                MoveLine(0, -_leading);
                Show(shown);
                break;
            case "\"" when _operands.LastOrDefault() is byte[] shown:
                (_wordSpacing, _charSpacing) = (Operand(0), Operand(1));
                MoveLine(0, -_leading);
                Show(shown);
                break;
            case "TJ" when _operands.LastOrDefault() is List<object> parts:
                foreach (var part in parts)
                {
                    if (part is byte[] piece) Show(piece);
                    else if (part is double adjustment) Advance(-adjustment / 1000 * _size * _scale, wide: adjustment < -200);
                }
                break;
            case "Do" when _operands.Count > 0 && _operands[0] is string form:
                drawForm(form[1..]);
                break;
            case "ID":
                var end = content.IndexOf("EI", at, StringComparison.Ordinal);
                return end < 0 ? content.Length : end + 2;
        }
        return at;
    }

    private void MoveLine(double x, double y)
    {
        _matrix = _lineMatrix = _lineMatrix.Translated(x, y);
        _moved = true;
    }

    private void Advance(double distance, bool wide)
    {
        _matrix = _matrix.Translated(distance, 0);
        // Without widths a gap is known only by its size.
        if (wide && _lastEnd is { X: null }) _moved = true;
    }

    private void Show(byte[] shown)
    {
        var size = Math.Abs(_size * _matrix.D) is > 0 and var height ? height : Math.Abs(_size);
        var (x, y) = (_matrix.E, _matrix.F);
        if (_lastEnd is { } last)
        {
            if (Math.Abs(y - last.Y) > size / 2) text.Append('\n');
            else if (last.X is { } lastX ? x - lastX > size / 5 : _moved) text.Append(' ');
        }
        var widthsKnown = true;
        foreach (var (code, letters) in _font.Codes(shown))
        {
            text.Append(letters);
            var width = _font.Width(code);
            widthsKnown &= width is not null;
            var space = _font.CodeBytes == 1 && code == ' ' ? _wordSpacing : 0;
            Advance((((width ?? 0) / 1000 * _size) + _charSpacing + space) * _scale, wide: false);
        }
        _lastEnd = (widthsKnown ? _matrix.E : null, _matrix.F);
        _moved = false;
    }
}

/// <summary>A text matrix: where the next glyph goes, and how the text space is scaled and turned.</summary>
internal readonly record struct TextMatrix(double A, double B, double C, double D, double E, double F)
{
    public static readonly TextMatrix Identity = new(1, 0, 0, 1, 0, 0);

    /// <summary>The matrix moved by (x, y) in its own space, as "Td" moves a line and a glyph's width moves along it.</summary>
    public TextMatrix Translated(double x, double y) => this with { E = (x * A) + (y * C) + E, F = (x * B) + (y * D) + F };
}
