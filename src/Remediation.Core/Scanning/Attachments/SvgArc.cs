namespace Remediation.Core.Scanning.Attachments;

/// <summary>An SVG path's elliptical arc (its <c>A</c> command) as points along it, for the bounds of what it draws.</summary>
internal static class SvgArc
{
    // Eight points along any arc: on the quarter and half turns a rounded module draws, its extremes are among them.
    private const int Steps = 8;

    /// <summary>
    /// Points along the arc from one end to the other, the far end included, from SVG's endpoint form (SVG 1.1,
    /// appendix F.6.5); radii too small to reach are enlarged as F.6.6 says, and a zero radius draws a line.
    /// </summary>
    public static IEnumerable<(double X, double Y)> Points(
        (double X, double Y) from, double rx, double ry, double rotationDegrees, bool largeArc, bool sweep, (double X, double Y) to)
    {
        (rx, ry) = (Math.Abs(rx), Math.Abs(ry));
        if (rx == 0 || ry == 0 || from == to) return [to];
        var angle = rotationDegrees * Math.PI / 180;
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var (halfX, halfY) = ((from.X - to.X) / 2, (from.Y - to.Y) / 2);
        var (x1, y1) = ((cos * halfX) + (sin * halfY), (-sin * halfX) + (cos * halfY));
        var reach = (x1 * x1 / (rx * rx)) + (y1 * y1 / (ry * ry));
        if (reach > 1) (rx, ry) = (rx * Math.Sqrt(reach), ry * Math.Sqrt(reach));
        var numerator = (rx * rx * ry * ry) - (rx * rx * y1 * y1) - (ry * ry * x1 * x1);
        var denominator = (rx * rx * y1 * y1) + (ry * ry * x1 * x1);
        var factor = Math.Sqrt(Math.Max(0, numerator / denominator)) * (largeArc == sweep ? -1 : 1);
        var (centreX1, centreY1) = (factor * rx * y1 / ry, -factor * ry * x1 / rx);
        var (centreX, centreY) = ((cos * centreX1) - (sin * centreY1) + ((from.X + to.X) / 2), (sin * centreX1) + (cos * centreY1) + ((from.Y + to.Y) / 2));
        var start = Math.Atan2((y1 - centreY1) / ry, (x1 - centreX1) / rx);
        var sweepAngle = Math.Atan2((-y1 - centreY1) / ry, (-x1 - centreX1) / rx) - start;
        if (sweep && sweepAngle < 0) sweepAngle += 2 * Math.PI;
        else if (!sweep && sweepAngle > 0) sweepAngle -= 2 * Math.PI;
        var points = new (double X, double Y)[Steps];
        for (var step = 1; step <= Steps; step++)
        {
            var at = start + (sweepAngle * step / Steps);
            var (x, y) = (rx * Math.Cos(at), ry * Math.Sin(at));
            points[step - 1] = ((cos * x) - (sin * y) + centreX, (sin * x) + (cos * y) + centreY);
        }
        points[^1] = to;
        return points;
    }
}
