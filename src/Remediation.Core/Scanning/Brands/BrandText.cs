using System.Text;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Brands;

/// <summary>
/// Text reduced to the words a reader sees: accents dropped, look-alike letters folded, invisible characters removed,
/// and every run of other characters made one space, so that a brand name is found as a phrase of whole words.
/// </summary>
internal static class BrandText
{
    /// <summary>The normalised words of the text separated by single spaces, with a space at each end.</summary>
    public static string Words(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in Lookalike.Skeleton(WithoutAccents(text)))
        {
            if (IsWordCharacter(c)) builder.Append(c);
            else if (c is not ('\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF') && builder[^1] != ' ') builder.Append(' ');
        }
        if (builder[^1] != ' ') builder.Append(' ');
        return builder.ToString();
    }

    /// <summary>Letters and digits; the ampersand too, so that "AT&amp;T" and "H&amp;M" stay one word.</summary>
    public static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '&';

    /// <summary>True for kana and CJK ideographs, which are written without spaces between words.</summary>
    public static bool IsUnspaced(char c) => c is >= '\u3040' and <= '\u9FFF';

    // Latin accents only, folded by table: the build runs with invariant globalization, where Normalize leaves
    // non-ASCII text as it is. Combining accents written separately are dropped.
    private static readonly Dictionary<char, char> Unaccented = BuildTable(
        ("àáâãäåāăą", 'a'), ("çćĉċč", 'c'), ("ďđ", 'd'), ("èéêëēĕėęě", 'e'), ("ĝğġģ", 'g'), ("ĥħ", 'h'),
        ("ìíîïĩīĭį", 'i'), ("ĵ", 'j'), ("ķ", 'k'), ("ĺļľŀł", 'l'), ("ñńņňŉ", 'n'), ("òóôõöøōŏő", 'o'), ("ŕŗř", 'r'),
        ("śŝşšș", 's'), ("ţťŧț", 't'), ("ùúûüũūŭůűų", 'u'), ("ŵ", 'w'), ("ýÿŷ", 'y'), ("źżž", 'z'));

    private static string WithoutAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u0300' and <= '\u036F') continue;
            var lower = char.ToLowerInvariant(c);
            builder.Append(Unaccented.GetValueOrDefault(lower, lower));
        }
        return builder.ToString();
    }

    private static Dictionary<char, char> BuildTable(params (string Accented, char Plain)[] rows) =>
        rows.SelectMany(r => r.Accented.Select(c => (c, r.Plain))).ToDictionary(p => p.c, p => p.Plain);
}
