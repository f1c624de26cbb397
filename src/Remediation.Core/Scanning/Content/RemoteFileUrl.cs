using System.Buffers;
using System.Globalization;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// Finds a <c>file:</c> URL that reaches another machine: <c>file://host/…</c>, <c>file:///\\host\…</c> or
/// <c>file:////host/…</c>, but not <c>file:///C:/…</c> or <c>file://localhost/…</c>. Written by hand because telling
/// them apart needs a look past the slashes that a linear regex cannot take; each <c>file:</c> is judged by its first
/// few characters, so the search stays linear in the text.
/// </summary>
internal static class RemoteFileUrl
{
    private static readonly SearchValues<string> Scheme = SearchValues.Create(["file:"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The first remote file URL in the text, to the end of its token; null when there is none.</summary>
    public static string? FirstIn(string text)
    {
        for (var start = SchemeAt(text, 0); start >= 0; start = SchemeAt(text, start + 1))
        {
            if (IsRemote(text, start + "file:".Length)) return text[start..TokenEnd(text, start)];
        }
        return null;
    }

    private static int SchemeAt(string text, int from)
    {
        var found = text.AsSpan(from).IndexOfAny(Scheme);
        return found < 0 ? -1 : from + found;
    }

    private static bool IsRemote(string text, int path)
    {
        if (Slashes(text, path, '/') >= 2 && IsRemoteHost(text, path + 2)) return true;
        // file:///\\host and file:////host: two or three slashes, then one or two more of either kind.
        foreach (var slashes in (int[])[3, 2])
        {
            if (Slashes(text, path, '/') < slashes) continue;
            var separators = Math.Min(2, Slashes(text, path + slashes, '/', '\\'));
            for (var more = separators; more >= 1; more--)
            {
                if (StartsToken(text, path + slashes + more) && !IsDrive(text, path + slashes + more)) return true;
            }
        }
        return false;
    }

    private static bool IsRemoteHost(string text, int host) =>
        StartsToken(text, host) && text[host] is not ('/' or '\\') && !IsDrive(text, host) && !IsLocalhost(text, host);

    private static bool IsDrive(string text, int at) => at + 1 < text.Length && char.IsAsciiLetter(text[at]) && text[at + 1] == ':';

    private static bool IsLocalhost(string text, int at)
    {
        const string Localhost = "localhost";
        var end = at + Localhost.Length;
        return end <= text.Length && text.AsSpan(at, Localhost.Length).Equals(Localhost, StringComparison.OrdinalIgnoreCase)
            && (end == text.Length || !IsWordCharacter(text[end]));
    }

    // What the regex \b counts as a word character: letters, digits, marks, connectors and the zero-width joiners.
    private static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c) || c is '\u200C' or '\u200D'
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;

    private static int Slashes(string text, int at, params ReadOnlySpan<char> kinds)
    {
        var count = 0;
        while (at + count < text.Length && count < 3 && kinds.Contains(text[at + count])) count++;
        return count;
    }

    private static bool StartsToken(string text, int at) => at < text.Length && IsTokenCharacter(text[at]);

    private static int TokenEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && IsTokenCharacter(text[end])) end++;
        return end;
    }

    private static bool IsTokenCharacter(char c) => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '<' or '>');
}
