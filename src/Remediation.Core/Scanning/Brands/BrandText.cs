using System.Text;
using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Brands;

/// <summary>
/// Text reduced to the words a reader sees: accents dropped, look-alike letters folded, invisible characters removed,
/// and every run of other characters made one space, so that a brand name is found as a phrase of whole words.
/// </summary>
internal static partial class BrandText
{
    /// <summary>The normalised words of the text separated by single spaces, with a space at each end.</summary>
    /// <remarks>
    /// One pass and one copy: a message body can be megabytes, and every copy of it counts against the scan's memory.
    /// </remarks>
    public static string Words(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in Diacritics.Remove(Homoglyphs.ToLatin(text)))
        {
            var folded = Lookalike.Fold(c);
            if (IsWordCharacter(folded)) builder.Append(folded);
            // Invisible characters, the joiner and soft hyphen included, and marks put over letters ("Aܿmܿaܿzܿoܿn") hide a
            // name from a word match; they join, not split.
            else if (!InvisibleCharacters.BreakWords(c) && c is not ('\u00AD' or '\u200D') && !Diacritics.IsCombiningMark(c) && builder[^1] != ' ') builder.Append(' ');
        }
        if (builder[^1] != ' ') builder.Append(' ');
        return Lookalike.FoldLetterPairs(builder).ToString();
    }

    /// <summary>
    /// The text with the strokes I and l put back where one stands for the other, or null when none does. A capital I
    /// stands for a small L ("Iedger", "PayPaI", "Trust WaIIet") after a small letter or another such I, or opening a
    /// word whose next letter is small. A small l stands for a capital I ("ltaú", "lRS") opening a word before a letter
    /// no word starts "l" with: a capital, or a consonant other than l, h or y. In most fonts the two are the same
    /// stroke. Real words that start with a capital I change too ("Instagram"), so the result is read beside the text,
    /// not instead of it.
    /// </summary>
    public static string? WithIAndLUnswapped(string text)
    {
        char[]? unmasked = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('I' or 'l')) continue;
            var previous = i == 0 ? ' ' : unmasked?[i - 1] ?? text[i - 1];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            var disguised = text[i] == 'I'
                ? char.IsLower(previous) || (!char.IsLetter(previous) && (char.IsLower(next) || next == 'I'))
                : !char.IsLetter(previous) && char.IsLetter(next) && (char.IsUpper(next) || !IsOpeningAfterL(next));
            if (!disguised) continue;
            unmasked ??= text.ToCharArray();
            unmasked[i] = text[i] == 'I' ? 'l' : 'I';
        }
        return unmasked is null ? null : new string(unmasked);
    }

    /// <summary>
    /// The text with each word spelled out letter by letter ("P a y P a l", "Z A L A N D O") written as one, or null when
    /// none is. No one spaces a name's letters but to keep it from a word match.
    /// </summary>
    public static string? WithSpacedLettersJoined(string text) =>
        SpacedLetters().IsMatch(text)
            ? SpacedLetters().Replace(text, m => m.Groups["before"].Value + m.Groups["word"].Value.Replace(" ", "", StringComparison.Ordinal) + m.Groups["after"].Value)
            : null;

    // Four letters or more, one space between each, standing alone (the linear engine has no lookaround).
    [GeneratedRegex(@"(?<before>^|\s)(?<word>(\p{L} ){3,}\p{L})(?<after>\s|$)", LinearRegex.Options)]
    private static partial Regex SpacedLetters();

    // What follows a word's first "l" in the languages of the lures: a vowel (accented too), or "ll", "lh", "ly".
    private static bool IsOpeningAfterL(char next) => Diacritics.Fold(next) is 'a' or 'e' or 'i' or 'o' or 'u' or 'l' or 'h' or 'y';

    /// <summary>Letters and digits; the ampersand too, so that "AT&amp;T" and "H&amp;M" stay one word.</summary>
    public static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '&';

    /// <summary>True for kana and CJK ideographs, which are written without spaces between words.</summary>
    public static bool IsUnspaced(char c) => c is >= '\u3040' and <= '\u9FFF';
}
