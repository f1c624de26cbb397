using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// Reads text disguised with look-alike letters as the Latin text it shows: "Yоur wаllet hаs bееn frоzen" with
/// Cyrillic vowels, "ⅼ" and "ⅿ" from the Roman numerals, "ո" and "ս" from Armenian, Cherokee capitals, and the
/// mathematical bold and italic alphabets of "𝐋𝐎𝐎𝐊𝐈𝐍𝐆". Only a word made of Latin letters and look-alikes is read
/// so: a word that holds a letter with no Latin twin ("привет", "Καλημέρα") is written in its own script and stays.
/// </summary>
internal static class Homoglyphs
{
    private const string LookAlikes =
        "аеорсухіјѕһԁԛԝӏѡүАВЕКМНОРСТУХЅІЈӀҮԌ" + // Cyrillic
        "αονριτκυϲϳΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹ" + // Greek
        "ոսցհօզՏՕ" + // Armenian
        "ᎪᏴᏟᎠᎬᏀᎻᎫᏦᏞᎷᏢᎡᏚᎢᏙᏔᏃ" + // Cherokee
        "ⅠⅤⅩⅬⅭⅮⅯⅰⅴⅹⅼⅽⅾⅿ" + // Roman numerals
        "ɑɡɩ"; // IPA letters

    private const string Latin =
        "aeopcyxijshdqwlwyABEKMHOPCTYXSIJIYG" +
        "aovpitkucjABEZHIKMNOPTYXC" +
        "nughoqSO" +
        "ABCDEGHJKLMPRSTVWZ" +
        "IVXLCDMivxlcdm" +
        "agi";

    // Latin-1 and Latin Extended-A and -B, whose accents Diacritics removes.
    private const char LastLatin = '\u024F';

    private static readonly FrozenDictionary<int, char> ToLatinLetter =
        LookAlikes.Zip(Latin).ToFrozenDictionary(p => (int)p.First, p => p.Second);

    // The mathematical alphanumeric letters: styled alphabets of 26 capitals and 26 small letters each. In UTF-16
    // every one of them starts with the same high surrogate.
    private const int MathematicalLetters = 0x1D400;
    private const int MathematicalLettersEnd = 0x1D6A4;
    private const char MathematicalHighSurrogate = '\uD835';

    private static readonly SearchValues<char> Candidates = SearchValues.Create(LookAlikes + MathematicalHighSurrogate);

    public static string ToLatin(string text)
    {
        // Most text holds no look-alike: it is returned as it is, not copied.
        var first = text.AsSpan().IndexOfAny(Candidates);
        if (first < 0) return text;
        while (first > 0 && char.IsLetter(text[first - 1])) first--;
        var latin = new StringBuilder(text.Length).Append(text, 0, first);
        var position = first;
        while (position < text.Length)
        {
            var end = WordEnd(text, position);
            if (end == position)
            {
                latin.Append(text[position++]);
                continue;
            }
            AppendWord(latin, text.AsSpan(position, end - position));
            position = end;
        }
        return latin.ToString();
    }

    private static int WordEnd(string text, int start)
    {
        var position = start;
        while (position < text.Length && Rune.DecodeFromUtf16(text.AsSpan(position), out var rune, out var length) == OperationStatus.Done && IsLetter(rune))
        {
            position += length;
        }
        return position;
    }

    private static void AppendWord(StringBuilder latin, ReadOnlySpan<char> word)
    {
        var (outsideLatin, disguised) = (false, true);
        foreach (var rune in word.EnumerateRunes())
        {
            if (rune.Value <= LastLatin) continue;
            outsideLatin = true;
            disguised &= LatinFor(rune) is not null;
        }
        if (!outsideLatin || !disguised)
        {
            latin.Append(word);
            return;
        }
        foreach (var rune in word.EnumerateRunes())
        {
            if (LatinFor(rune) is { } letter) latin.Append(letter);
            else latin.Append(rune.ToString());
        }
    }

    private static char? LatinFor(Rune rune)
    {
        if (rune.Value is >= MathematicalLetters and < MathematicalLettersEnd)
        {
            var index = (rune.Value - MathematicalLetters) % 52;
            return (char)(index < 26 ? 'A' + index : 'a' + index - 26);
        }
        return rune.IsBmp && ToLatinLetter.TryGetValue(rune.Value, out var letter) ? letter : null;
    }

    // Roman numerals are letter numbers, not letters, but they spell words in disguised text.
    private static bool IsLetter(Rune rune) => Rune.IsLetter(rune) || rune.Value is >= 0x2160 and <= 0x217F;
}
