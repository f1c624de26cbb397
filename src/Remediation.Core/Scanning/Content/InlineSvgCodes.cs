using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// QR codes an HTML body draws as inline SVG, which Apple Mail and other WebKit readers show, or as an SVG picture it
/// carries as a data: URI: no attachment holds them. Each is read as an SVG attachment is (<see cref="SvgDrawing"/>).
/// </summary>
internal static partial class InlineSvgCodes
{
    // Pictures of one body read: a code needs one, and each costs a decode.
    private const int MaxPictures = 4;

    public static bool MayHoldOne(string html) => html.Contains("<svg", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the codes the body's first few SVG pictures draw say.</summary>
    public static IEnumerable<string> In(string html, int maxPixels) => InPictures(SvgElement().Matches(html).Select(svg => svg.Value), maxPixels);

    /// <summary>What the codes the first few of these SVG documents draw say.</summary>
    public static IEnumerable<string> InPictures(IEnumerable<string> svgs, int maxPixels) =>
        svgs.Take(MaxPictures).SelectMany(svg => DrawnCodes.In(SvgDrawing.Fills(svg, DrawnCodes.MaxRectangles), maxPixels) ?? []);

    [GeneratedRegex(@"<svg\b.*?</svg\s*>", LinearRegex.Options | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SvgElement();
}
