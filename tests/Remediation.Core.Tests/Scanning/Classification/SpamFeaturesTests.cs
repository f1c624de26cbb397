using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class SpamFeaturesTests
{
    [Fact]
    public void Extract_Message_IsAUnitVectorWithDistinctBucketsPerBlock()
    {
        var message = TestMail.Read("Provenance", "spam-offer.eml");
        var sut = new List<HashedFeature>();

        SpamFeatures.Extract(message, 20, sut);

        Assert.Equal(1, sut.Sum(f => f.Value * f.Value), precision: 4);
        Assert.All(sut, f => Assert.InRange(f.Bucket, 0, (1 << 20) - 1));
    }

    [Fact]
    public void Extract_SameMessageTwice_GivesTheSameVector()
    {
        var message = TestMail.Read("Provenance", "spam-offer.eml");
        var first = new List<HashedFeature>();
        var second = new List<HashedFeature>();

        SpamFeatures.Extract(message, 20, first);
        SpamFeatures.Extract(message, 20, second);

        Assert.Equal(first, second);
    }
}
