using System.Globalization;
using System.Text.RegularExpressions;

namespace Remediation.Core.Scanning.Content;

/// <summary>The gray a CSS or SVG colour shows, for drawings read as images: names, #rgb, #rrggbb and rgb(r, g, b).</summary>
internal static partial class CssColour
{
    /// <returns>0 (black) to 255 (white), or null for a colour this does not read (or none at all).</returns>
    public static byte? Gray(string colour)
    {
        var value = colour.Trim().ToLowerInvariant();
        (int R, int G, int B)? rgb = value switch
        {
            "black" or "navy" or "darkblue" or "maroon" or "darkgreen" or "darkred" or "purple" => (0, 0, 0),
            "white" => (255, 255, 255),
            ['#', _, _, _] => (Hex(value[1..2]) * 17, Hex(value[2..3]) * 17, Hex(value[3..4]) * 17),
            ['#', _, _, _, _, _, _] => (Hex(value[1..3]), Hex(value[3..5]), Hex(value[5..7])),
            _ when RgbFunction().Match(value) is { Success: true } function => (Channel(function, "r"), Channel(function, "g"), Channel(function, "b")),
            _ => null,
        };
        return rgb is var (r, g, b) ? (byte)(((r * 299) + (g * 587) + (b * 114)) / 1000) : null;
    }

    private static int Hex(string digits) => int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static int Channel(Match rgb, string name) => int.TryParse(rgb.Groups[name].Value, CultureInfo.InvariantCulture, out var value) ? Math.Clamp(value, 0, 255) : 0;

    [GeneratedRegex(@"^rgb\(\s*(?<r>[0-9]{1,3})\s*,\s*(?<g>[0-9]{1,3})\s*,\s*(?<b>[0-9]{1,3})", LinearRegex.Options)]
    private static partial Regex RgbFunction();
}
