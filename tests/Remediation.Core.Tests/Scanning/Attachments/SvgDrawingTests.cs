using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

public sealed class SvgDrawingTests
{
    [Fact]
    public void Fills_RectInTransformedGroup_TakesTheGroupsTransformAndFillWithYRunningUp()
    {
        var fills = Fills("<svg xmlns='http://www.w3.org/2000/svg'><g transform='translate(10,20) scale(2)' fill='#808080'><rect x='1' y='2' width='3' height='4'/></g><rect width='1' height='1'/></svg>");

        Assert.Equal([new DrawnFill(12, -32, 18, -24, 128), new DrawnFill(0, -1, 1, 0, 0)], fills);
    }

    [Fact]
    public void Fills_PathOfClosedSquares_RelativeAndAbsolute_AreFilled()
    {
        var fills = Fills("<svg><path d='M0,0l2,0 0,2 -2,0z M4 0 H6 V2 H4 Z' style='fill: rgb(255, 255, 255)'/></svg>");

        Assert.Equal([new DrawnFill(0, -2, 2, 0, 255), new DrawnFill(4, -2, 6, 0, 255)], fills);
    }

    [Fact]
    public void Fills_PropertyDeclaredTwiceInAStyle_TakesTheLaterValue()
    {
        var fills = Fills("<svg><rect width='1' height='1' style='fill: #000; fill: #fff'/></svg>");

        Assert.Equal([new DrawnFill(0, -1, 1, 0, 255)], fills);
    }

    [Fact]
    public void Fills_PathOfStrokedRuns_IsLinesOfTheStrokeWidth_NotFilledWhenFillIsNone()
    {
        var fills = Fills("<svg><path fill='none' stroke='#000' stroke-width='2' d='M0 1h4m2 0h1'/></svg>");

        Assert.Equal([new DrawnFill(0, -2, 4, 0, 0), new DrawnFill(6, -2, 7, 0, 0)], fills);
    }

    [Fact]
    public void Fills_SubpathWithACurve_IsItsBoundingBox()
    {
        Assert.Equal([new DrawnFill(0, -3, 3, 0, 0)], Fills("<svg><path d='M0 0 C1 1 2 2 3 3 L3 0 Z'/></svg>"));
    }

    [Fact]
    public void Fills_RoundDot_IsTheSquareAroundIt()
    {
        Assert.Equal([new DrawnFill(3, -7, 7, -3, 0), new DrawnFill(0, -4, 6, 0, 0)], Fills("<svg><circle cx='5' cy='5' r='2'/><ellipse cx='3' cy='2' rx='3' ry='2'/></svg>"));
    }

    [Fact]
    public void Fills_ModuleRoundedByAnArc_IsItsWholeSquare()
    {
        // qr-code-styling's module rounded on its right: the half turn of the arc bulges 4.5 past its ends.
        var fill = Assert.Single(Fills("<svg><path d='M 145 19v 9h 4.5a 4.5 4.5, 0, 0, 0, 0 -9' transform='rotate(-90,149.5,23.5)'/></svg>"));

        Assert.Equal((145, -28, 154, -19), (Math.Round(fill.Left, 6), Math.Round(fill.Bottom, 6), Math.Round(fill.Right, 6), Math.Round(fill.Top, 6)));
    }

    [Theory]
    [InlineData("M0 0h7v7h-7z M1 1v5h5v-5z")]
    [InlineData("M0 3.5a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0 M1 3.5a2.5 2.5 0 1 1 5 0a2.5 2.5 0 1 1 -5 0")]
    public void Fills_RingOfTwoSubpaths_HasTheInnerOneAsAHole(string ring)
    {
        var fills = Fills($"<svg><path clip-rule='evenodd' d='{ring}'/></svg>").Select(f => (Math.Round(f.Left, 6), Math.Round(f.Bottom, 6), Math.Round(f.Right, 6), Math.Round(f.Top, 6), f.Gray));

        Assert.Equal([(0, -7, 7, 0, 0), (1, -6, 6, -1, 255)], fills);
    }

    [Fact]
    public void Fills_ShapeThroughAClipPath_IsTheClipsShapesInItsFill()
    {
        var fills = Fills(
            "<svg><defs><clipPath id='dots'><rect x='1' y='1' width='2' height='2' fill='#fff'/><path d='M4 4h3v3h-3z M5 5h1v1h-1z'/></clipPath></defs>" +
            "<rect width='10' height='10' clip-path=\"url('#dots')\" fill='#333'/></svg>");

        Assert.Equal([new DrawnFill(1, -3, 3, -1, 0x33), new DrawnFill(4, -7, 7, -4, 0x33), new DrawnFill(5, -6, 6, -5, 255)], fills);
    }

    [Fact]
    public void Fills_QuarterTurn_StaysSquareToThePage()
    {
        Assert.Equal([new DrawnFill(-1, -2, 0, 0, 0)], Fills("<svg><rect width='2' height='1' transform='rotate(90)'/></svg>"));
    }

    [Theory]
    [InlineData("<svg><rect width='2' height='2' fill='none'/><oops></svg>")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg>&x;</svg>")]
    [InlineData("not xml")]
    public void Fills_UnpaintedOrBroken_PaintNothingMoreThanWasRead(string svg)
    {
        Assert.Empty(Fills(svg));
    }

    [Fact]
    public void Fills_NotWellFormedPastARect_PaintsTheRectReadBeforeTheFault()
    {
        Assert.Equal([new DrawnFill(0, -2, 2, 0, 0)], Fills("<svg><rect width='2' height='2'/><oops></svg><rect width='5' height='5'/>"));
    }

    private static List<DrawnFill> Fills(string svg) => SvgDrawing.Fills(svg, 100);
}
