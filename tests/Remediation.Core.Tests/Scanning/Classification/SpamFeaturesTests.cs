using Remediation.Core.Scanning;
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

    [Fact]
    public void Extract_ListWithOldEntries_HoldsOnlyThisMessagesFeatures()
    {
        var sut = new List<HashedFeature> { new(1, 9f), new(2, 9f) };

        SpamFeatures.Extract(OneWordMessage(), 20, sut);

        Assert.DoesNotContain(sut, f => f.Value == 9f);
        Assert.Equal(1, sut.Sum(f => f.Value * f.Value), precision: 4);
    }

    [Fact]
    public void Extract_Message_HasBodySubjectAndStructureAsThreeBlocksOfEqualWeight()
    {
        var sut = new List<HashedFeature>();

        SpamFeatures.Extract(OneWordMessage(), 20, sut);

        // The body and the subject are one word each, so each fills its block alone.
        Assert.Equal(1 / Math.Sqrt(3), ValueOf(sut, 'b', "invoice"), precision: 6);
        Assert.Equal(1 / Math.Sqrt(3), ValueOf(sut, 's', "payment"), precision: 6);
        var structure = sut.Where(f => f.Bucket != Features.BucketOf('b', "invoice") && f.Bucket != Features.BucketOf('s', "payment")).ToList();
        Assert.Equal(1.0 / 3, structure.Sum(f => f.Value * f.Value), precision: 4);
    }

    [Fact]
    public void Extract_FillerHiddenByAnInlineStyle_IsNotReadAsBodyWords()
    {
        static ScannedMessage Html(string body) => TestMail.Read(TestMail.Parse($"""
            From: a@b.example
            Subject: payment
            Content-Type: text/html

            {body}
            """));
        var hidden = new List<HashedFeature>();
        var shown = new List<HashedFeature>();

        SpamFeatures.Extract(Html("<p>Invoice</p><div style=\"display:none\">meeting agenda minutes</div>"), 20, hidden);
        SpamFeatures.Extract(Html("<p>Invoice</p><div>meeting agenda minutes</div>"), 20, shown);

        Assert.DoesNotContain(hidden, f => f.Bucket == Features.BucketOf('b', "meeting"));
        Assert.Contains(hidden, f => f.Bucket == Features.BucketOf('b', "invoice"));
        Assert.Contains(shown, f => f.Bucket == Features.BucketOf('b', "meeting"));
    }

    [Theory]
    [InlineData('x', "message-id-none")]
    [InlineData('x', "subject-length:3")]
    [InlineData('r', "helo-bare")]
    [InlineData('u', "links:0")]
    [InlineData('#', "short")]
    public void Extract_Message_HasEveryKindOfStructuralFeature(char field, string token)
    {
        var sut = new List<HashedFeature>();

        SpamFeatures.Extract(OneWordMessage(), 20, sut);

        Assert.Contains(sut, f => f.Bucket == Features.BucketOf(field, token));
    }

    [Fact]
    public void Extract_FewerBuckets_KeepsEveryBucketInRange()
    {
        var sut = new List<HashedFeature>();

        SpamFeatures.Extract(TestMail.Read("Provenance", "spam-offer.eml"), 10, sut);

        Assert.All(sut, f => Assert.InRange(f.Bucket, 0, 1023));
    }

    private static double ValueOf(List<HashedFeature> features, char field, string token) =>
        features.Single(f => f.Bucket == Features.BucketOf(field, token)).Value;

    private static ScannedMessage OneWordMessage() => TestMail.Read(TestMail.Parse("""
        Received: from mypc (dsl.isp.example [192.0.2.1]) by mx.example.org; Wed, 11 Sep 2002 13:46:49 +0100
        From: a@b.example
        Subject: payment
        Date: Wed, 11 Sep 2002 13:46:00 +0100
        Content-Type: text/plain

        Invoice
        """));
}
