using System.Buffers;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// http(s) URLs written out in text or markup: the scheme, then everything up to a space, a quote or a bracket.
/// Found by hand: the linear regex engine needed minutes for megabytes of one URL-like token, and a backtracking one
/// guarantees nothing; a scan from each scheme to the end of its token is linear by construction.
/// </summary>
internal static class HttpUrls
{
    private static readonly SearchValues<string> Schemes = SearchValues.Create(["http://", "https://"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Each URL in the order written; a scheme with nothing after it is not one.</summary>
    public static IEnumerable<string> In(string text)
    {
        var from = 0;
        while (
            // Stryker disable once Equality : from the text's end the search finds no scheme and stops all the same.
            from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(Schemes);
            if (found < 0) yield break;
            var start = from + found;
            var address = start + (char.ToLowerInvariant(text[start + 4]) == 's' ? "https://" : "http://").Length;
            var end = address;
            while (end < text.Length && IsUrlCharacter(text[end])) end++;
            if (end > address) yield return text[start..end];
            // Stryker disable once Equality : after a bare scheme, no other scheme can start inside "ttp://" or "ttps://", so resuming there or one past its start finds the same.
            from = end > address ? end : start + 1;
        }
    }

    private static bool IsUrlCharacter(char c) => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '<' or '>' or '(' or ')' or '[' or ']' or '{' or '}');
}
