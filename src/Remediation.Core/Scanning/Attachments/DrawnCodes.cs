namespace Remediation.Core.Scanning.Attachments;

/// <summary>A rectangle a drawing paints, in its page's space with y running up, and its gray (0 black, 255 white).</summary>
internal readonly record struct DrawnFill(double Left, double Bottom, double Right, double Top, byte Gray)
{
    public double Width => Right - Left;

    public double Height => Top - Bottom;
}

/// <summary>
/// A QR code drawn as shapes, each module or run of modules a rectangle, as PDF and SVG writers draw one. Where the
/// rectangles sized in whole modules of one width cover a square of 21 to 177 modules, as a code's three finder patterns
/// make them, that square is painted in drawing order onto white, four pixels a module, and read like an image.
/// </summary>
internal static class DrawnCodes
{
    /// <summary>Fewer rectangles than the three finder patterns take, drawn run by run, cannot be a code.</summary>
    public const int MinRectangles = 20;

    /// <summary>More than a version 40 code has modules: a reader stops gathering rectangles here.</summary>
    public const int MaxRectangles = 40_000;

    private const int MinModules = 21;
    private const int MaxModules = 177;
    private const int PixelsPerModule = 4;
    private const int QuietZoneModules = 4;

    /// <returns>What the code says, or null when the rectangles are no code's: nothing was decoded.</returns>
    public static IReadOnlyList<string>? In(List<DrawnFill> fills, int maxPixels) =>
        CodeSquare(fills) is not { } square ? null
        : Painted(square.Fills, square.Module, maxPixels) is var (gray, width, height) ? QrCodeLinks.InGray(gray, width, height) : [];

    // The rectangles of a code, when enough of them, sized in whole modules, cover a square of a code's size. The module
    // is the commonest short side, and the square is where the rectangles one module thin lie (a module, or a run of
    // them): the dark ones, or for a code drawn light on dark, the light ones too. Only the rectangles inside that
    // square and its quiet zone are painted, so a page's background or a banner beside the code is left out.
    private static (List<DrawnFill> Fills, double Module)? CodeSquare(List<DrawnFill> fills)
    {
        if (fills.Count < MinRectangles) return null;
        var module = fills.GroupBy(f => Math.Round(Math.Min(f.Width, f.Height), 3))
            .Where(g => g.Key > 0).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (module <= 0) return null;
        // Dots drawn smaller than their modules, with gaps between them, sit a pitch apart: each is grown to its module.
        if (Pitch(fills, module) is var pitch && pitch > module * 1.05 && pitch < module * 2)
        {
            var grow = (pitch - module) / 2;
            (fills, module) = ([.. fills.Select(f => f with { Left = f.Left - grow, Bottom = f.Bottom - grow, Right = f.Right + grow, Top = f.Top + grow })], pitch);
        }
        var whole = fills.Where(f => WholeModules(f.Width, module) && WholeModules(f.Height, module)).ToList();
        var thin = whole.Where(f => Math.Round(Math.Min(f.Width, f.Height) / module) == 1).ToList();
        foreach (var frame in (List<DrawnFill>[])[[.. thin.Where(f => f.Gray < 128)], thin])
        {
            if (frame.Count < MinRectangles) continue;
            var (left, bottom, right, top) = (frame.Min(f => f.Left), frame.Min(f => f.Bottom), frame.Max(f => f.Right), frame.Max(f => f.Top));
            var (width, height) = ((right - left) / module, (top - bottom) / module);
            // A drawing may include its quiet zone, four modules on each side.
            if (width is < MinModules - 0.5 or > MaxModules + (2 * QuietZoneModules) + 0.5 || Math.Abs(width - height) > 1) continue;
            var margin = (QuietZoneModules + 0.5) * module;
            return ([.. whole.Where(f => f.Left >= left - margin && f.Right <= right + margin && f.Bottom >= bottom - margin && f.Top <= top + margin)], module);
        }
        return null;
    }

    // The commonest step from one single module to the next along a row: a code's dark modules often stand side by side.
    private static double Pitch(List<DrawnFill> fills, double module) =>
        fills.Where(f => Math.Abs(f.Width - module) <= module * 0.01 && Math.Abs(f.Height - module) <= module * 0.01)
            .GroupBy(f => Math.Round(f.Bottom / module, 1))
            .SelectMany(row =>
            {
                var lefts = row.Select(f => f.Left).Order().ToList();
                return lefts.Zip(lefts.Skip(1), (a, b) => Math.Round(b - a, 3));
            })
            .Where(step => step > 0)
            .GroupBy(step => step).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    private static bool WholeModules(double length, double module)
    {
        var modules = length / module;
        return modules >= 0.9 && modules <= MaxModules + (2 * QuietZoneModules) + 1 && Math.Abs(modules - Math.Round(modules)) <= 0.1;
    }

    // The rectangles painted in order onto white with a quiet zone around them, at four pixels a module.
    private static (byte[] Gray, int Width, int Height)? Painted(List<DrawnFill> fills, double module, int maxPixels)
    {
        var margin = QuietZoneModules * module;
        var (left, bottom) = (fills.Min(f => f.Left) - margin, fills.Min(f => f.Bottom) - margin);
        var (right, top) = (fills.Max(f => f.Right) + margin, fills.Max(f => f.Top) + margin);
        var scale = PixelsPerModule / module;
        var (across, down) = (Math.Ceiling((right - left) * scale), Math.Ceiling((top - bottom) * scale));
        if (!(across * down <= maxPixels)) return null;
        var (width, height) = ((int)across, (int)down);
        var gray = new byte[width * height];
        Array.Fill(gray, (byte)255);
        // Overdraw is bounded: a stream of rectangles each covering the square paints it a few times, not thousands.
        var paintable = 16L * gray.Length;
        foreach (var fill in fills)
        {
            // Rows run down the page, y up it; pixels whose centres the rectangle covers are painted.
            var (x0, x1) = (Pixel((fill.Left - left) * scale, width), Pixel((fill.Right - left) * scale, width));
            var (y0, y1) = (Pixel((top - fill.Top) * scale, height), Pixel((top - fill.Bottom) * scale, height));
            if ((paintable -= (long)(x1 - x0) * (y1 - y0)) < 0) break;
            for (var y = y0; y < y1; y++) gray.AsSpan((y * width) + x0, x1 - x0).Fill(fill.Gray);
        }
        return (gray, width, height);
    }

    private static int Pixel(double at, int size) => Math.Clamp((int)Math.Round(at), 0, size);
}
