using System.Text.RegularExpressions;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// Pictures HTML carries inside itself as <c>data:</c> URIs, in an image's <c>src</c> or <c>href</c> or a style's
/// <c>url(…)</c>: mail readers and browsers show them like attached images, and a lure puts its QR code there because
/// no image attachment then holds it.
/// </summary>
internal static partial class DataUriImages
{
    // Pictures of one message read: each one that could hold a code takes its turn with the attached images.
    private const int MaxPictures = 16;

    /// <summary>An SVG picture's media type: its QR code is drawn, not painted.</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>The first few base64 pictures of these documents, with the media type each names; one not base64 is skipped.</summary>
    public static IEnumerable<(string ContentType, byte[] Content)> In(IEnumerable<string> htmls) =>
        htmls.Where(html => html.Contains("data:image/", StringComparison.OrdinalIgnoreCase)).SelectMany(In).Take(MaxPictures);

    private static IEnumerable<(string ContentType, byte[] Content)> In(string html)
    {
        foreach (Match picture in DataImage().Matches(html))
        {
            var data = Whitespace().Replace(picture.Groups["data"].Value, "");
            var bytes = new byte[data.Length / 4 * 3];
            if (Convert.TryFromBase64String(data, bytes, out var length))
            {
                yield return ("image/" + picture.Groups["type"].Value.ToLowerInvariant(), bytes[..length]);
            }
        }
    }

    // Base64 may be folded over lines; it ends at the quote or parenthesis that closes the URI.
    [GeneratedRegex(@"data:image/(?<type>[a-z0-9.+-]{1,20});base64,(?<data>[A-Za-z0-9+/=\s]+)", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex DataImage();

    [GeneratedRegex(@"\s+", LinearRegex.Options)]
    private static partial Regex Whitespace();
}
