using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class WordsTests
{
    [Fact]
    public void Add_ShoutedWord_DiffersFromTheWord()
    {
        var shouted = Features.Of(v => Words.Add("FREE", 'b', pairs: false, v));
        var quiet = Features.Of(v => Words.Add("Free", 'b', pairs: false, v));

        Assert.False(shouted.Has('b', "free"));
        Assert.True(quiet.Has('b', "free"));
    }

    [Fact]
    public void Add_WithPairs_AddsAFeatureForTwoWordsInARow()
    {
        var output = new List<HashedFeature>();
        var vector = new FeatureVector(20, output);

        Words.Add("click here", 'b', pairs: true, vector);
        vector.Complete();

        Assert.Equal(3, output.Count);
    }

    [Fact]
    public void Add_SingleLetters_AreNoWords()
    {
        var output = new List<HashedFeature>();
        var vector = new FeatureVector(20, output);

        Words.Add("a b c", 'b', pairs: false, vector);
        vector.Complete();

        Assert.Empty(output);
    }

    [Theory]
    [InlineData("$100", "$100")]
    [InlineData("don't", "don't")]
    [InlineData("win!", "win!")]
    [InlineData("Ok", "ok")]
    [InlineData("Zürich", "zürich")]
    public void Add_Word_IsLowerCasedWithSignsKept(string text, string token)
    {
        var sut = Features.Of(v => Words.Add(text, 'b', pairs: false, v));

        Assert.True(sut.Has('b', token));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Add_Separators_SplitWords()
    {
        var sut = Features.Of(v => Words.Add("  buy-now, (cheap)\tpills...  ", 'b', pairs: false, v));

        Assert.True(sut.Has('b', "buy"));
        Assert.True(sut.Has('b', "now"));
        Assert.True(sut.Has('b', "cheap"));
        Assert.True(sut.Has('b', "pills"));
        Assert.Equal(4, sut.Count);
    }

    [Theory]
    [InlineData("WIN", "win^")]
    [InlineData("FREE!", "free!")]
    [InlineData("OK", "ok")]
    [InlineData("WiN", "win")]
    public void Add_CapitalWordsOfThreeOrMoreLetters_AreMarkedShouted(string text, string token)
    {
        var sut = Features.Of(v => Words.Add(text, 'b', pairs: false, v));

        Assert.True(sut.Has('b', token));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Add_LongWord_IsHashedOnItsFirstTwentyFourCharacters()
    {
        var sut = Features.Of(v => Words.Add("Pneumonoultramicroscopicsilicovolcanoconiosis", 's', pairs: false, v));

        Assert.True(sut.Has('s', "pneumonoultramicroscopics"[..24]));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Add_LongShoutedWord_IsStillMarkedShouted()
    {
        var sut = Features.Of(v => Words.Add("PNEUMONOULTRAMICROSCOPICSILICOVOLCANOCONIOSIS", 's', pairs: false, v));

        Assert.True(sut.Has('s', "pneumonoultramicroscopics"[..24] + "^"));
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 5)]
    public void Add_ThreeWords_PairsEachWordWithTheOneBefore(bool pairs, int features)
    {
        var sut = Features.Of(v => Words.Add("click here now", 'b', pairs, v));

        Assert.Equal(features, sut.Count);
        Assert.True(sut.Has('b', "click"));
        Assert.True(sut.Has('b', "now"));
    }

    [Fact]
    public void Add_PairAcrossAShortWord_LinksTheWordsAroundIt()
    {
        var output = new List<HashedFeature>();
        var vector = new FeatureVector(20, output);
        var seed = FeatureHash.Seed('b');
        var expected = new List<HashedFeature>();
        var reference = new FeatureVector(20, expected);
        reference.Add(FeatureHash.Pair(FeatureHash.Add(seed, "click"), FeatureHash.Add(seed, "here")));
        reference.Complete();

        Words.Add("click a here", 'b', pairs: true, vector);
        vector.Complete();

        Assert.Equal(3, output.Count);
        Assert.Contains(output, f => f.Bucket == expected[0].Bucket);
    }

    [Fact]
    public void Add_VeryLongText_StopsAfterFiveThousandWords()
    {
        var text = string.Join(", ", Enumerable.Range(0, 5001).Select(i => $"w{i}")) + ", ";

        var sut = Features.Of(v => Words.Add(text, 'b', pairs: false, v));

        Assert.True(sut.Has('b', "w4999"));
        Assert.False(sut.Has('b', "w5000"));
    }
}
