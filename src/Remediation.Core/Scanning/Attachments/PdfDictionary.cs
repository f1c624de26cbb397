using System.Globalization;
using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>Entries and strings read from the text of a PDF dictionary, for the readers that need a few of them.</summary>
internal static partial class PdfDictionary
{
    /// <summary>The integer written after <c>/key</c> ("/Width 296", "/P -4"), or null when there is none.</summary>
    public static int? Number(string dictionary, string key) =>
        NumberEntry().Matches(dictionary).FirstOrDefault(m => m.Groups["key"].Value == key) is { } found
        && int.TryParse(found.Groups["value"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An image's bits per sample: a stencil mask has one, and no <c>/BitsPerComponent</c> to say so.</summary>
    public static int BitsPerComponent(string dictionary) =>
        dictionary.Contains("/ImageMask true", StringComparison.Ordinal) ? 1 : Number(dictionary, "BitsPerComponent") ?? 8;

    /// <summary>The name or array of names written after <c>/key</c> ("/Filter /FlateDecode", "/Filter [/A85 /Fl]"), in order.</summary>
    public static IReadOnlyList<string> Names(string dictionary, string key) =>
        NamesEntry().Matches(dictionary).FirstOrDefault(m => m.Groups["key"].Value == key) is { } found
            ? [.. found.Groups["value"].Value.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(name => name.Trim(' ', '\t', '\r', '\n', '[', ']')).Where(name => name.Length > 0)]
            : [];

    /// <summary>A literal string's bytes, its escapes undone and its balanced parentheses kept; and where it ends.</summary>
    public static (byte[] Bytes, int Next) Literal(string text, int open)
    {
        var bytes = new List<byte>();
        var depth = 1;
        var i = open + 1;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '\\' && i < text.Length)
            {
                var escaped = text[i++];
                if (escaped is >= '0' and <= '7')
                {
                    var value = escaped - '0';
                    for (var digits = 1; digits < 3 && i < text.Length && text[i] is >= '0' and <= '7'; digits++) value = (value * 8) + (text[i++] - '0');
                    bytes.Add((byte)value);
                }
                else if (escaped is '\r' or '\n')
                {
                    if (escaped == '\r' && i < text.Length && text[i] == '\n') i++;
                }
                else
                {
                    bytes.Add(escaped switch { 'n' => (byte)'\n', 'r' => (byte)'\r', 't' => (byte)'\t', 'b' => 8, 'f' => 12, _ => (byte)escaped });
                }
                continue;
            }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) break;
            bytes.Add((byte)c);
        }
        return ([.. bytes], i);
    }

    [GeneratedRegex(@"/(?<key>[A-Za-z]+)\s*(?<value>\[[^\]]*\]|/[A-Za-z0-9]+)", LinearRegex.Options)]
    private static partial Regex NamesEntry();

    [GeneratedRegex(@"/(?<key>[A-Za-z]+)\s+(?<value>-?[0-9]{1,10})\b", LinearRegex.Options)]
    private static partial Regex NumberEntry();
}
