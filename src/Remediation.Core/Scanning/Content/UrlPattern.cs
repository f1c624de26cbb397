using System.Text.RegularExpressions;

namespace Remediation.Core.Scanning.Content;

internal static partial class UrlPattern
{
    /// <summary>http(s) URLs written out in text or markup.</summary>
    [GeneratedRegex(@"https?://[^\s""'<>()\[\]{}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Http();
}
