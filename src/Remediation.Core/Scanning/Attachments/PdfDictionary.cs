using System.Globalization;
using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>Entries read from the text of a PDF dictionary, for the readers that need a few of them.</summary>
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

    [GeneratedRegex(@"/(?<key>[A-Za-z]+)\s*(?<value>\[[^\]]*\]|/[A-Za-z0-9]+)", LinearRegex.Options)]
    private static partial Regex NamesEntry();

    [GeneratedRegex(@"/(?<key>[A-Za-z]+)\s+(?<value>-?[0-9]{1,10})\b", LinearRegex.Options)]
    private static partial Regex NumberEntry();
}
