using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning.Content;

public class InvisibleCharactersTests
{
    [Theory]
    [InlineData('\u200B')]
    [InlineData('\u200C')]
    [InlineData('\u2060')]
    [InlineData('\uFEFF')]
    [InlineData('\u034F')]
    [InlineData('\u180E')]
    public void BreakWords_CharacterWithoutWidth_IsTrue(char c)
    {
        Assert.True(InvisibleCharacters.BreakWords(c));
    }

    [Theory]
    [InlineData('\u200D')]
    [InlineData('\u00AD')]
    [InlineData(' ')]
    [InlineData('a')]
    [InlineData('\u200A')]
    public void BreakWords_JoinerHyphenOrVisibleCharacter_IsFalse(char c)
    {
        Assert.False(InvisibleCharacters.BreakWords(c));
    }
}
