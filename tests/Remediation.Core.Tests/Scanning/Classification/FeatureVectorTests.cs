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

    [Fact]
    public void Add_Hash_FoldsTheHighBitsIntoTheBucket()
    {
        var output = new List<HashedFeature>();
        var sut = new FeatureVector(20, output);

        sut.Add(0x12345678u);
        sut.Complete();

        // (h ^ (h >> 15)) & (2^20 - 1)
        Assert.Equal(291344, Assert.Single(output).Bucket);
    }

    [Fact]
    public void Add_ManyTokens_SpreadOverAllBucketsAndNoFurther()
    {
        var output = new List<HashedFeature>();
        var sut = new FeatureVector(8, output);

        for (var i = 0; i < 1000; i++) sut.Add('b', $"word{i}");
        sut.Complete();

        Assert.All(output, f => Assert.InRange(f.Bucket, 0, 255));
        Assert.True(output.Count > 200, $"{output.Count} buckets");
        Assert.Contains(output, f => f.Bucket >= 128);
    }

    [Fact]
    public void EndBlock_EmptyBlocks_DoNotCountAsBlocks()
    {
        var output = new List<HashedFeature>();
        var sut = new FeatureVector(20, output);

        sut.EndBlock();
        sut.Add('b', "free");
        sut.EndBlock();
        sut.EndBlock();
        sut.Complete();

        Assert.Equal(1f, Assert.Single(output).Value);
    }

    [Fact]
    public void EndBlock_Block_ScalesEachDistinctBucketToOneOverTheRootOfTheirCount()
    {
        var output = new List<HashedFeature>();
        var sut = new FeatureVector(20, output);

        foreach (var word in new[] { "a", "b", "c", "d", "a" }) sut.Add('b', word);
        sut.EndBlock();

        Assert.Equal(4, output.Count);
        Assert.All(output, f => Assert.Equal(0.5f, f.Value));
        Assert.Equal(output.Select(f => f.Bucket).Order(), output.Select(f => f.Bucket));
    }

    [Fact]
    public void Complete_ThreeBlocks_ScalesEachByOneOverTheRootOfThree()
    {
        var output = new List<HashedFeature>();
        var sut = new FeatureVector(20, output);

        sut.Add('b', "free");
        sut.EndBlock();
        sut.Add('s', "offer");
        sut.EndBlock();
        sut.Add('x', "subject-none");
        sut.Complete();

        Assert.Equal(3, output.Count);
        Assert.All(output, f => Assert.Equal(1 / Math.Sqrt(3), f.Value, precision: 6));
    }

    [Fact]
    public void Complete_ListWithEarlierEntries_ScalesOnlyItsOwn()
    {
        var output = new List<HashedFeature> { new(7, 3f) };
        var sut = new FeatureVector(20, output);

        sut.Add('b', "free");
        sut.EndBlock();
        sut.Add('s', "offer");
        sut.Complete();

        Assert.Equal(new HashedFeature(7, 3f), output[0]);
        Assert.Equal(3, output.Count);
        Assert.All(output.Skip(1), f => Assert.Equal(1 / Math.Sqrt(2), f.Value, precision: 6));
    }
}
