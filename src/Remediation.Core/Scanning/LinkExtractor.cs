using System.Text.RegularExpressions;
using MimeKit;

namespace Remediation.Core.Scanning;

internal static partial class LinkExtractor
{
    public static IReadOnlyList<Uri> Extract(MimeMessage message)
    {
        var links = new List<Uri>();
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            if (string.IsNullOrEmpty(body)) continue;
            foreach (Match match in UrlPattern().Matches(body))
            {
                if (Uri.TryCreate(match.Value, UriKind.Absolute, out var uri)) links.Add(uri);
            }
        }
        return links;
    }

    [GeneratedRegex(@"https?://[^\s""'<>()]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
