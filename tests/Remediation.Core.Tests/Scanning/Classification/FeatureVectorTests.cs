using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class FeatureVectorTests
{
    [Fact]
    public void EndBlock_RepeatedToken_CountsOnceAtUnitLength()
    {
        var output = new List<HashedFeature>();
        var sut = new FeatureVector(16, output);

        sut.Add('b', "free");
        sut.Add('b', "free");
        sut.Add('b', "offer");
        sut.Complete();

        Assert.Equal(2, output.Count);
        Assert.Equal(1, output.Sum(f => f.Value * f.Value), precision: 5);
    }

    [Fact]
    public void Complete_ShortAndLongBlock_WeighAlikeAtUnitLength()
    {
        var output = new List<HashedFeature>();
        var sut = new FeatureVector(20, output);

        for (var i = 0; i < 400; i++) sut.Add('b', $"word{i}");
        sut.EndBlock();
        sut.Add('x', "from-freemail");
        sut.Complete();

        var header = output.Single(f => f.Value > 0.5f);
        Assert.Equal(0.5, header.Value * header.Value, precision: 5);
        Assert.Equal(1, output.Sum(f => f.Value * f.Value), precision: 4);
    }

    [Fact]
    public void Add_SameTokenInTwoFields_IsTwoFeatures()
    {
        var output = new List<HashedFeature>();
        var sut = new FeatureVector(20, output);

        sut.Add('s', "invoice");
        sut.Add('b', "invoice");
        sut.Complete();

        Assert.Equal(2, output.Select(f => f.Bucket).Distinct().Count());
    }

    [Fact]
    public void Complete_NothingAdded_LeavesNoFeatures()
    {
        var output = new List<HashedFeature>();
        var sut = new FeatureVector(20, output);

        sut.EndBlock();
        sut.Complete();

        Assert.Empty(output);
    }
}
