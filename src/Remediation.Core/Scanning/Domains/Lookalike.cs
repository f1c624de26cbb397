using System.Globalization;
using System.Text;

namespace Remediation.Core.Scanning.Domains;

/// <summary>Ways a name is made to look like another: small edits, confusable letters, mixed scripts, punycode.</summary>
internal static class Lookalike
{
    private static readonly IdnMapping Idn = new();

    // Letters from other scripts (and digits) that render like Latin ones; enough to fold the common homoglyph tricks.
    private static readonly Dictionary<char, char> Confusables = new()
    {
        ['а'] = 'a', ['е'] = 'e', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ј'] = 'j',
        ['ѕ'] = 's', ['һ'] = 'h', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ո'] = 'n', ['ս'] = 'u',
        ['α'] = 'a', ['ο'] = 'o', ['ρ'] = 'p', ['ν'] = 'v', ['τ'] = 't', ['ι'] = 'i', ['κ'] = 'k', ['υ'] = 'u',
        ['0'] = 'o', ['1'] = 'l', ['3'] = 'e', ['5'] = 's', ['ı'] = 'i', ['ɡ'] = 'g',
    };

    /// <summary>Levenshtein distance, or <paramref name="max"/> + 1 as soon as it is known to exceed it.</summary>
    public static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            if (rowMinimum > max) return max + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The host in Unicode, decoding punycode labels; the input when it is not a valid IDN.</summary>
    public static string ToUnicode(string host)
    {
        try
        {
            return Idn.GetUnicode(host);
        }
        catch (ArgumentException)
        {
            return host;
        }
    }

    /// <summary>Lower case with confusable letters folded to the Latin ones they imitate.</summary>
    public static string Skeleton(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC)) builder.Append(Fold(c));
        return FoldLetterPairs(builder).ToString();
    }

    /// <summary>The letter pairs that pass for one letter ("rn" for "m", "vv" for "w"), folded in place.</summary>
    internal static StringBuilder FoldLetterPairs(StringBuilder text) => text.Replace("rn", "m").Replace("vv", "w");

    /// <summary>One character as <see cref="Skeleton"/> folds it: lower case, look-alikes replaced by the letter they imitate.</summary>
    internal static char Fold(char c)
    {
        var lower = char.ToLowerInvariant(c);
        return Confusables.GetValueOrDefault(lower, lower);
    }

    /// <summary>True when the letters come from more than one script (Latin mixed with Cyrillic, say).</summary>
    public static bool HasMixedScripts(string text)
    {
        var scripts = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            scripts |= ScriptOf(c);
            if ((scripts & (scripts - 1)) != 0) return true;
        }
        return false;
    }

    /// <summary>The script of a letter as one bit: <see cref="LatinScript"/>, <see cref="GreekScript"/>, <see cref="CyrillicScript"/>, Armenian, or any other.</summary>
    internal static int ScriptOf(char c) => c switch
    {
        < '\u0250' => LatinScript,
        >= '\u0370' and < '\u0400' => GreekScript,
        >= '\u0400' and < '\u0530' => CyrillicScript,
        >= '\u0530' and < '\u0590' => 8,
        _ => 16,
    };

    internal const int LatinScript = 1;
    internal const int GreekScript = 2;
    internal const int CyrillicScript = 4;
}
