using System.Collections.Frozen;
using System.Text;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// Removes the accents of Latin letters, so that text written with and without them compares alike. A table, not
/// Unicode normalisation: the app runs with invariant globalization, where normalisation leaves such text unchanged.
/// </summary>
internal static class Diacritics
{
    private const string Accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿĀāĂăĄąĆćČčĎďĒēĖėĘęĚěĞğĪīĮįİıŁłŃńŇňŌōŐőŒœŘřŚśŞşŠšŢţŤťŪūŮůŰűŸŹźŻżŽžĉċĝġģĥħĩĭĵķĺļľŀņŏŕŗŝŧũŭųŵŷșțđĈĊĜĠĢĤĦĨĬĴĶĹĻĽĿŅŎŔŖŜŦŨŬŲŴŶȘȚĐ";
    private const string Plain = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyAaAaAaCcCcDdEeEeEeEeGgIiIiIiLlNnNnOoOoOoRrSsSsSsTtTtUuUuUuYZzZzZzccggghhiijkllllnorrstuuuwystdCCGGGHHIIJKLLLLNORRSTUUUWYSTD";

    private static readonly FrozenDictionary<char, char> Folded = Accented.Zip(Plain).ToFrozenDictionary(p => p.First, p => p.Second);

    /// <summary>A mark drawn over or around the letter before it (an accent, a Syriac point, an enclosing circle).</summary>
    public static bool IsCombiningMark(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>The letter without its accent ("é" is "e"); any other character as it is.</summary>
    public static char Fold(char c) => Folded.TryGetValue(c, out var plain) ? plain : c;

    public static string Remove(string text)
    {
        // Most text has nothing to fold: it is returned as it is, not copied.
        var first = text.AsSpan().IndexOfAnyInRange('\u00C0', '\u036F');
        if (first < 0) return text;
        var folded = new StringBuilder(text.Length).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            // Combining marks (U+0300–U+036F) carry the accents of text written decomposed.
            if (c is >= '\u0300' and <= '\u036F') continue;
            folded.Append(Fold(c));
        }
        return folded.ToString();
    }
}
