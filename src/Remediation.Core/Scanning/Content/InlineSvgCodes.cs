using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// QR codes an HTML body draws as inline SVG, which Apple Mail and other WebKit readers show: no image or attachment
/// holds them. Each <c>svg</c> element is read as an SVG attachment is (<see cref="SvgDrawing"/>).
/// </summary>
internal static partial class InlineSvgCodes
{
    // Pictures of one body read: a code needs one, and each costs a decode.
    private const int MaxPictures = 4;

    public static bool MayHoldOne(string html) => html.Contains("<svg", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the codes the body's first few SVG pictures draw say.</summary>
    public static IEnumerable<string> In(string html, int maxPixels) =>
        SvgElement().Matches(html).Take(MaxPictures)
            .SelectMany(svg => DrawnCodes.In(SvgDrawing.Fills(svg.Value, DrawnCodes.MaxRectangles), maxPixels) ?? []);

    [GeneratedRegex(@"<svg\b.*?</svg\s*>", LinearRegex.Options | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SvgElement();
}
