using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning.Content;

public sealed class CssColourTests
{
    [Theory]
    [InlineData("black", 0)]
    [InlineData(" Navy ", 0)]
    [InlineData("white", 255)]
    [InlineData("#FFF", 255)]
    [InlineData("#808080", 128)]
    [InlineData("#f00", 76)]
    [InlineData("rgb(0, 255, 0)", 149)]
    [InlineData("rgb( 300 ,0,0)", 76)]
    public void Gray_ColourItReads_IsItsLuminance(string colour, int gray)
    {
        Assert.Equal((byte)gray, CssColour.Gray(colour));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("hsl(0, 0%, 0%)")]
    [InlineData("#12345")]
    [InlineData("")]
    public void Gray_ColourItDoesNotRead_IsNull(string colour)
    {
        Assert.Null(CssColour.Gray(colour));
    }
}
