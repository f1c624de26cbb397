using System.Text;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

public sealed class PdfDrawingTests
{
    [Fact]
    public void Fills_FilledRectangle_IsPaintedThroughTheTransformInTheFillGray()
    {
        var fills = Fills("q 2 0 0 -2 10 100 cm 0.5 g 1 2 3 4 re f Q 0 0 1 1 re f");

        Assert.Equal([new DrawnFill(12, 88, 18, 96, 128), new DrawnFill(0, 0, 1, 1, 0)], fills);
    }

    [Fact]
    public void Fills_FourCorneredPathSquareToThePage_IsPainted_ATiltedOneIsNot()
    {
        var fills = Fills("0 0 m 4 0 l 4 2 l 0 2 l h f 0 0 m 4 1 l 3 5 l -1 4 l h f 0 0 m 4 0 l 4 2 l f");

        Assert.Equal([new DrawnFill(0, 0, 4, 2, 0)], fills);
    }

    [Theory]
    [InlineData(0, -1, 11, 1)]
    [InlineData(2, -2, 12, 2)]
    public void Fills_StrokedLevelLine_CoversItsWidthAndItsCaps(int cap, double left, double right, double top)
    {
        var fills = Fills($"1 0 0 1 0 0 cm 0 0 0 RG 1 g {2 * top} w {cap} J {left + (cap == 0 ? 0 : top)} 0 m {right - (cap == 0 ? 0 : top)} 0 l S");

        Assert.Equal([new DrawnFill(left, -top, right, top, 0)], fills);
    }

    [Fact]
    public void Fills_StrokedUprightLine_TakesTheStrokeGrayAndTheScaledWidth()
    {
        var fills = Fills("0.2 G 3 0 0 3 0 0 cm 1 w 5 0 m 5 10 l S");

        Assert.Equal([new DrawnFill(13.5, 0, 16.5, 30, 51)], fills);
    }

    [Fact]
    public void Fills_PathEndedWithoutPainting_OrTiltedLine_IsNot()
    {
        Assert.Empty(Fills("0 0 5 5 re n 0 0 m 5 5 l S"));
    }

    [Fact]
    public void Fills_FilledPathWithACurve_IsItsBoundingBox()
    {
        // A module with a rounded corner: the curve's control points reach the square's corner.
        Assert.Equal([new DrawnFill(0, 0, 6, 6, 0)], Fills("0 0 m 4 0 l 6 0 6 2 6 2 c 6 6 l 0 6 l h f"));
    }

    [Fact]
    public void Fills_TextStringsNamesAndInlineImages_AreNotReadAsOperators()
    {
        var fills = Fills("BT /F1 12 Tf (0 0 5 5 re f \\) 1 1 re f) Tj ET BI /W 1 /H 1 ID \u0001 0 0 9 9 re f EI 0 0 2 2 re f");

        Assert.Equal([new DrawnFill(0, 0, 2, 2, 0)], fills);
    }

    [Fact]
    public void Fills_PastTheMaximum_StopsReading()
    {
        Assert.Equal(3, Fills(string.Concat(Enumerable.Repeat("0 0 1 1 re f ", 10)), maxFills: 3).Count);
    }

    private static List<DrawnFill> Fills(string content, int maxFills = 100) => PdfDrawing.Fills(Encoding.Latin1.GetBytes(content), maxFills);
}
