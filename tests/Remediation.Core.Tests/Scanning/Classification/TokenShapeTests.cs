using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class TokenShapeTests
{
    [Theory]
    [InlineData("Mon, 9 Sep 2002 20:46:17 -0400", "Aa, 9 Aa 9 9:9:9 -9")]
    [InlineData("yhdiana99b", "a9a")]
    [InlineData("002201c2582a$e84211f0$0200a8c0", "9a9a$a9a9$9a9a9")]
    public void Of_Value_KeepsItsForm(string value, string shape) => Assert.Equal(shape, TokenShape.Of(value, 40));

    [Fact]
    public void Of_LongValue_StopsAtTheLength() => Assert.Equal("a9a9", TokenShape.Of("a1b2c3d4e5", 4));

    [Theory]
    [InlineData(-1, "0")]
    [InlineData(0, "0")]
    [InlineData(1, "1")]
    [InlineData(2, "2")]
    [InlineData(3, "2")]
    [InlineData(4, "3")]
    [InlineData(7, "3")]
    [InlineData(8, "4")]
    [InlineData(1000, "10")]
    public void Magnitude_Count_IsItsPowerOfTwo(int count, string magnitude) => Assert.Equal(magnitude, TokenShape.Magnitude(count));

    [Fact]
    public void Of_VeryLongValue_ReadsOnlyItsFirst128Characters()
    {
        var value = string.Concat(Enumerable.Repeat("a-", 100));

        var sut = TokenShape.Of(value, 1000);

        Assert.Equal(128, sut.Length);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("ÄÖü", "Aa")]
    [InlineData("<x@y>", "<a@a>")]
    public void Of_Value_KeepsOtherCharactersAsTheyAre(string value, string shape) => Assert.Equal(shape, TokenShape.Of(value, 40));
}
