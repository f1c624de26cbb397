using System.Text;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// Pictures HTML carries inside itself as <c>data:</c> URIs, in an image's <c>src</c> or <c>href</c> or a style's
/// <c>url(…)</c>: mail readers and browsers show them like attached images, and a lure puts its QR code there because
/// no image attachment then holds it.
/// </summary>
internal static class DataUriImages
{
    // Pictures of one message read: each one that could hold a code takes its turn with the attached images.
    private const int MaxPictures = 16;
    private const int MaxTypeLength = 20;

    /// <summary>An SVG picture's media type: its QR code is drawn, not painted.</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>The first few base64 pictures of these documents, with the media type each names; one not base64 is skipped.</summary>
    public static IEnumerable<(string ContentType, byte[] Content)> In(IEnumerable<string> htmls) =>
        htmls.Where(html => html.Contains("data:image/", StringComparison.OrdinalIgnoreCase)).SelectMany(In).Take(MaxPictures);

    // A single pass: a pattern with a capture over megabytes of base64 costs seconds (measured: 5.7 s for 380 KB).
    private static IEnumerable<(string ContentType, byte[] Content)> In(string html)
    {
        const string scheme = "data:image/";
        for (var at = html.IndexOf(scheme, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf(scheme, at, StringComparison.OrdinalIgnoreCase))
        {
            at += scheme.Length;
            var type = at;
            while (at < html.Length && at - type < MaxTypeLength && (char.IsAsciiLetterOrDigit(html[at]) || html[at] is '.' or '+' or '-')) at++;
            if (at == type || !html.AsSpan(at).StartsWith(";base64,", StringComparison.OrdinalIgnoreCase)) continue;
            var subtype = html[type..at].ToLowerInvariant();
            at += ";base64,".Length;
            // Base64 may be folded over lines; it ends at the quote or parenthesis that closes the URI.
            var data = new StringBuilder();
            for (; at < html.Length && (IsBase64(html[at]) || char.IsWhiteSpace(html[at])); at++)
            {
                if (IsBase64(html[at])) data.Append(html[at]);
            }
            var bytes = new byte[data.Length / 4 * 3];
            if (Convert.TryFromBase64String(data.ToString(), bytes, out var length)) yield return ("image/" + subtype, bytes[..length]);
        }
    }

    private static bool IsBase64(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=';
}
