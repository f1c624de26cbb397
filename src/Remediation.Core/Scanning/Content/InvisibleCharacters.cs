namespace Remediation.Core.Scanning.Content;

/// <summary>Characters that take no room on screen: a word broken up by them still reads whole.</summary>
internal static class InvisibleCharacters
{
    /// <summary>
    /// Zero-width space and non-joiner, word joiner, byte order mark, combining grapheme joiner and Mongolian vowel
    /// separator: nothing a writer puts inside a word. The zero-width joiner and the soft hyphen are left out, as emoji
    /// sequences and hyphenated words use them.
    /// </summary>
    public static bool BreakWords(char c) => c is '\u200B' or '\u200C' or '\u2060' or '\uFEFF' or '\u034F' or '\u180E';
}
