namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// A path being drawn, in page space with y running up, and the rectangles it paints: a filled four-cornered subpath
/// square to the page, a filled subpath with curves as its bounding box (a styled code's round dot or rounded module
/// fills its module's square), or a level or upright side stroked some width. A filled subpath inside the one before it
/// is that one's hole, as a rounded finder pattern's ring is drawn. Tilted straight shapes paint nothing here, as no
/// code's module is drawn so.
/// </summary>
internal sealed class DrawnPath
{
    private const int MaxPoints = 160_000;
    // How far from level or upright, in page units, a side may lean and still be read as square to the page.
    private const double Lean = 1e-3;

    private readonly List<Subpath> _subpaths = [];
    private int _points;

    private sealed class Subpath
    {
        public List<(double X, double Y)> Points { get; } = [];

        public bool Closed { get; set; }

        public bool Curved { get; set; }
    }

    public void MoveTo((double X, double Y) point)
    {
        _subpaths.Add(new Subpath());
        LineTo(point);
    }

    public void LineTo((double X, double Y) point)
    {
        if (_points >= MaxPoints) return;
        if (_subpaths.Count == 0) _subpaths.Add(new Subpath());
        _subpaths[^1].Points.Add(point);
        _points++;
    }

    /// <summary>A curve's control point or end: the subpath fills its bounding box, which the points bound.</summary>
    public void CurveTo((double X, double Y) point)
    {
        LineTo(point);
        _subpaths[^1].Curved = true;
    }

    public void Close()
    {
        if (_subpaths.Count > 0) _subpaths[^1].Closed = true;
    }

    /// <summary>Adds the four corners given as a closed subpath of its own.</summary>
    public void Rectangle(params (double X, double Y)[] corners)
    {
        MoveTo(corners[0]);
        foreach (var corner in corners[1..]) LineTo(corner);
        Close();
    }

    /// <summary>
    /// Each four-cornered subpath square to the page, and each curved one's bounding box, as a rectangle in this gray; a
    /// hole in the other gray, dark or light.
    /// </summary>
    public void Fill(byte gray, List<DrawnFill> fills)
    {
        DrawnFill? before = null;
        foreach (var subpath in _subpaths)
        {
            var corners = subpath.Points;
            if (corners.Count == 0) continue;
            if (!subpath.Curved)
            {
                if (corners.Count == 5 && Near(corners[0], corners[4])) corners = corners[..4];
                if (corners.Count != 4 || !SquareToThePage(corners))
                {
                    before = null;
                    continue;
                }
            }
            var box = new DrawnFill(corners.Min(p => p.X), corners.Min(p => p.Y), corners.Max(p => p.X), corners.Max(p => p.Y), gray);
            // Even-odd, or wound the other way: either way a ring's inner edge leaves a hole.
            var hole = before is { } outer && box.Left > outer.Left && box.Right < outer.Right && box.Bottom > outer.Bottom && box.Top < outer.Top;
            fills.Add(hole ? box with { Gray = gray < 128 ? (byte)255 : (byte)0 } : box);
            before = hole ? null : box;
        }
    }

    /// <summary>Each level or upright side, as the rectangle a stroke of this width covers.</summary>
    /// <param name="squareCaps">Whether the stroke reaches half its width past each end (round and square caps).</param>
    /// <param name="closeAll">Whether every subpath is closed before stroking ("s" and "b").</param>
    public void Stroke(byte gray, double width, bool squareCaps, bool closeAll, List<DrawnFill> fills)
    {
        var half = width / 2;
        if (!(half > 0)) return;
        var reach = squareCaps ? half : 0;
        foreach (var subpath in _subpaths)
        {
            if (subpath.Curved) continue;
            var points = subpath.Points;
            var sides = points.Zip(points.Skip(1)).ToList();
            if ((subpath.Closed || closeAll) && points.Count > 2) sides.Add((points[^1], points[0]));
            foreach (var (from, to) in sides)
            {
                var (left, right) = (Math.Min(from.X, to.X), Math.Max(from.X, to.X));
                var (bottom, top) = (Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y));
                if (top - bottom <= Lean && right - left > 0)
                {
                    fills.Add(new DrawnFill(left - reach, bottom - half, right + reach, top + half, gray));
                }
                else if (right - left <= Lean && top - bottom > 0)
                {
                    fills.Add(new DrawnFill(left - half, bottom - reach, right + half, top + reach, gray));
                }
            }
        }
    }

    public void Clear()
    {
        _subpaths.Clear();
        _points = 0;
    }

    // Four corners whose sides run level, upright, level, upright, starting either way.
    private static bool SquareToThePage(List<(double X, double Y)> corners)
    {
        bool Level(int i) => Math.Abs(corners[i].Y - corners[(i + 1) % 4].Y) <= Lean;
        bool Upright(int i) => Math.Abs(corners[i].X - corners[(i + 1) % 4].X) <= Lean;
        return (Level(0) && Upright(1) && Level(2) && Upright(3)) || (Upright(0) && Level(1) && Upright(2) && Level(3));
    }

    private static bool Near((double X, double Y) a, (double X, double Y) b) => Math.Abs(a.X - b.X) <= Lean && Math.Abs(a.Y - b.Y) <= Lean;
}

/// <summary>A 2-D affine transform [a b c d e f], as PDF and SVG write it: x' = a·x + c·y + e, y' = b·x + d·y + f.</summary>
internal readonly record struct DrawingMatrix(double A, double B, double C, double D, double E, double F)
{
    public static readonly DrawingMatrix Identity = new(1, 0, 0, 1, 0, 0);

    /// <summary>How much it scales a length: a line width is this times wider on the page.</summary>
    public double Scale => Math.Sqrt(Math.Abs((A * D) - (B * C)));

    /// <summary>This transform applied first, then the other (PDF's "cm" puts the new one ahead of the current).</summary>
    public DrawingMatrix Then(DrawingMatrix other) => new(
        (A * other.A) + (B * other.C), (A * other.B) + (B * other.D),
        (C * other.A) + (D * other.C), (C * other.B) + (D * other.D),
        (E * other.A) + (F * other.C) + other.E, (E * other.B) + (F * other.D) + other.F);

    public (double X, double Y) Apply(double x, double y) => ((A * x) + (C * y) + E, (B * x) + (D * y) + F);
}
