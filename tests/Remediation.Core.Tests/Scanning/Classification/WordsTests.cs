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
}
