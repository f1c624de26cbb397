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

    [Theory]
    [InlineData("<svg><rect width='2' height='2' fill='none'/><path d='M0 0 C1 1 2 2 3 3 L3 0 Z'/></svg>")]
    [InlineData("<svg><rect width='2' height='2' fill='none'/><oops></svg>")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg>&x;</svg>")]
    [InlineData("not xml")]
    public void Fills_UnpaintedCurvedOrBroken_PaintNothingMoreThanWasRead(string svg)
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
