using System.Collections.Frozen;
using System.Text;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// Removes the accents of Latin letters, so that text written with and without them compares alike. A table, not
/// Unicode normalisation: the app runs with invariant globalization, where normalisation leaves such text unchanged.
/// </summary>
internal static class Diacritics
{
    private const string Accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿĀāĂăĄąĆćČčĎďĒēĖėĘęĚěĞğĪīĮįİıŁłŃńŇňŌōŐőŒœŘřŚśŞşŠšŢţŤťŪūŮůŰűŸŹźŻżŽž";
    private const string Plain = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyAaAaAaCcCcDdEeEeEeEeGgIiIiIiLlNnNnOoOoOoRrSsSsSsTtTtUuUuUuYZzZzZz";

    private static readonly FrozenDictionary<char, char> Folded = Accented.Zip(Plain).ToFrozenDictionary(p => p.First, p => p.Second);

    public static string Remove(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Combining marks (U+0300–U+036F) carry the accents of text written decomposed.
            if (c is >= '\u0300' and <= '\u036F') continue;
            folded.Append(Folded.TryGetValue(c, out var plain) ? plain : c);
        }
        return folded.ToString();
    }
}
