using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning.Content;

public class DiacriticsTests
{
    [Theory]
    [InlineData("Crème brûlée à la française", "Creme brulee a la francaise")]
    [InlineData("École", "Ecole")]
    [InlineData("Łódź, Škoda, İstanbul, ağ, Ærø", "Lodz, Skoda, Istanbul, ag, Æro")]
    [InlineData("ÀÉÎÕÜÑÇÝŸ", "AEIOUNCYY")]
    [InlineData("Überweisung für Straße", "Uberweisung fur Straße")]
    public void Remove_AccentedLatinLetters_AreTheirPlainLetters(string text, string expected)
    {
        Assert.Equal(expected, Diacritics.Remove(text));
    }

    [Theory]
    [InlineData("e\u0301te\u0300", "ete")]
    [InlineData("a\u0300b\u036Fc", "abc")]
    [InlineData("n\u0303o\u0308", "no")]
    public void Remove_CombiningMarks_AreDropped(string text, string expected)
    {
        Assert.Equal(expected, Diacritics.Remove(text));
    }

    [Fact]
    public void Remove_OtherCharactersInTheRange_AreKept()
    {
        Assert.Equal("a×b÷c\u02FFd", Diacritics.Remove("a×b÷c\u02FFd"));
    }

    [Theory]
    [InlineData("plain ascii text")]
    [InlineData("")]
    [InlineData("Ͱ Greek and ¿ Spanish punctuation")]
    public void Remove_NothingToFold_IsTheSameString(string text)
    {
        Assert.Same(text, Diacritics.Remove(text));
    }
}
