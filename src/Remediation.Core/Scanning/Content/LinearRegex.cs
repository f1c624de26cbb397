using System.Text.RegularExpressions;

namespace Remediation.Core.Scanning.Content;

/// <summary>The options of every pattern run on message content.</summary>
internal static class LinearRegex
{
    /// <summary>
    /// NonBacktracking keeps a match linear in the text's length whatever the pattern and the text: a backtracking
    /// engine retries a loop from every position, and megabytes of one repeated token then take minutes. It has no
    /// lookarounds or backreferences, so patterns here do without them.
    /// </summary>
    public const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
}
