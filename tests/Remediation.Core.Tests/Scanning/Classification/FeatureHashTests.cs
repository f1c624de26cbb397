using System.Text;
using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class FeatureHashTests
{
    [Theory]
    [InlineData('b', "free")]
    [InlineData('x', "ж")]
    [InlineData('u', "path:remove")]
    public void Add_Token_IsFnv1aOverTheFieldAndTokenInUtf16(char field, string token)
    {
        var sut = FeatureHash.Add(FeatureHash.Seed(field), token);

        Assert.Equal(Fnv1a(Encoding.Unicode.GetBytes(field + token)), sut);
    }

    [Fact]
    public void Seed_Field_IsTheFieldCharacterHashed() => Assert.Equal(2636922751u, FeatureHash.Seed('b'));

    [Fact]
    public void Add_EmptyToken_IsTheSeed() => Assert.Equal(FeatureHash.Seed('s'), FeatureHash.Add(FeatureHash.Seed('s'), ""));

    [Fact]
    public void Pair_TwoWords_MixesThePreviousWordIntoTheCurrent()
    {
        var click = FeatureHash.Add(FeatureHash.Seed('b'), "click");
        var here = FeatureHash.Add(FeatureHash.Seed('b'), "here");

        var sut = FeatureHash.Pair(click, here);

        Assert.Equal(3575407839u, sut);
        Assert.NotEqual(FeatureHash.Pair(here, click), sut);
    }

    // The reference: 32-bit FNV-1a over bytes.
    private static uint Fnv1a(byte[] bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes) hash = unchecked((hash ^ b) * 16777619u);
        return hash;
    }
}
