using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class SpamModelTests
{
    [Fact]
    public void Shipped_Loads_WithCalibratedBandsInOrder()
    {
        var sut = SpamModel.Shipped;

        Assert.Equal(20, sut.BucketBits);
        Assert.True(sut.SuspiciousLogit < sut.MaliciousLogit);
    }

    [Fact]
    public void Logit_HandWrittenSpam_IsSpamAndHamIsNot()
    {
        var sut = SpamModel.Shipped;

        var spam = sut.Logit(TestMail.Read("Provenance", "spam-offer.eml"));
        var ham = sut.Logit(TestMail.Read("Provenance", "colleague-note.eml"));

        Assert.True(SpamModel.Probability(spam) > 0.5, $"spam logit {spam}");
        Assert.True(SpamModel.Probability(ham) < 0.5, $"ham logit {ham}");
    }

    [Fact]
    public void Load_WhatSaveWrote_ScoresAlike()
    {
        var message = TestMail.Read("Provenance", "spam-offer.eml");
        using var file = new MemoryStream();
        SpamModel.Shipped.Save(file);
        file.Position = 0;

        var sut = SpamModel.Load(file);

        Assert.Equal(SpamModel.Shipped.Logit(message), sut.Logit(message), precision: 6);
        Assert.Equal(SpamModel.Shipped.MaliciousLogit, sut.MaliciousLogit);
    }

    [Fact]
    public void Load_OtherData_Throws()
    {
        using var gzip = new MemoryStream();
        using (var writer = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            writer.Write("not a model"u8);
        }
        gzip.Position = 0;

        Assert.Throws<InvalidDataException>(() => SpamModel.Load(gzip));
    }

    [Fact]
    public void Constructor_WrongNumberOfWeights_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new SpamModel(8, new float[255], 0, 1, 5));

        Assert.Equal("weights", error.ParamName);
        Assert.StartsWith("Expected 256 weights.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(5, 1)]
    public void Constructor_SuspiciousNotBelowMalicious_Throws(float suspicious, float malicious)
    {
        var error = Assert.Throws<ArgumentException>(() => new SpamModel(8, new float[256], 0, suspicious, malicious));

        Assert.Equal("suspiciousLogit", error.ParamName);
        Assert.StartsWith("The suspicious logit must lie below the malicious one.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Values_AreKept()
    {
        var sut = new SpamModel(8, new float[256], -1.5f, 1, 5);

        Assert.Equal(8, sut.BucketBits);
        Assert.Equal(-1.5f, sut.Bias);
        Assert.Equal(1f, sut.SuspiciousLogit);
        Assert.Equal(5f, sut.MaliciousLogit);
    }

    [Fact]
    public void Logit_Features_IsTheBiasPlusTheWeightedSum()
    {
        var weights = new float[256];
        weights[3] = 2;
        weights[7] = -4;
        var sut = new SpamModel(8, weights, 1, 1, 5);

        var logit = sut.Logit([new HashedFeature(3, 0.5f), new HashedFeature(7, 0.25f), new HashedFeature(9, 1f)]);

        Assert.Equal(1.0, logit, precision: 6);
        Assert.Equal(1.0, sut.Logit([]), precision: 6);
        Assert.Equal(3.0, sut.Logit([new HashedFeature(3, 1f)]), precision: 6);
    }

    [Fact]
    public void Weight_Logit_IsTheClassifiersPointsBetweenItsBands()
    {
        var sut = new SpamModel(8, new float[256], 0, 1, 5);

        Assert.Equal(5, sut.Weight(1));
        Assert.Equal(7.5, sut.Weight(3));
        Assert.Equal(10, sut.Weight(5));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(2, 0.880797)]
    [InlineData(-2, 0.119203)]
    public void Probability_Logit_IsTheLogisticFunction(double logit, double probability) =>
        Assert.Equal(probability, SpamModel.Probability(logit), precision: 6);

    [Fact]
    public void Load_WhatSaveWrote_KeepsEveryValue()
    {
        var weights = new float[256];
        weights[0] = 0.5f;
        weights[100] = -1.25f;
        weights[255] = 3f;
        using var file = new MemoryStream();
        new SpamModel(8, weights, -0.75f, 1.5f, 4.25f).Save(file);
        file.Position = 0;

        var sut = SpamModel.Load(file);

        Assert.Equal(8, sut.BucketBits);
        Assert.Equal(-0.75f, sut.Bias);
        Assert.Equal(1.5f, sut.SuspiciousLogit);
        Assert.Equal(4.25f, sut.MaliciousLogit);
        Assert.Equal(-0.25, sut.Logit([new HashedFeature(0, 1f)]), precision: 6);
        Assert.Equal(-2.0, sut.Logit([new HashedFeature(100, 1f)]), precision: 6);
        Assert.Equal(2.25, sut.Logit([new HashedFeature(255, 1f)]), precision: 6);
    }

    [Fact]
    public void Load_ValidFile_Loads()
    {
        using var file = ModelFile("RSPM", 2, 8, 256);

        var sut = SpamModel.Load(file);

        Assert.Equal(8, sut.BucketBits);
    }

    [Theory]
    [InlineData("RSPX", 2, 8, 256)]
    [InlineData("RSPM", 1, 8, 256)]
    [InlineData("RSPM", 3, 8, 256)]
    public void Load_OtherFormat_Throws(string magic, int version, int bucketBits, int weights)
    {
        using var file = ModelFile(magic, version, bucketBits, weights);

        var error = Assert.Throws<InvalidDataException>(() => SpamModel.Load(file));

        Assert.Equal("Not a spam model of this version.", error.Message);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(25)]
    public void Load_UnreasonableBucketCount_Throws(int bucketBits)
    {
        using var file = ModelFile("RSPM", 2, bucketBits, 256);

        var error = Assert.Throws<InvalidDataException>(() => SpamModel.Load(file));

        Assert.Equal($"Unreasonable bucket count 2^{bucketBits}.", error.Message);
    }

    [Theory]
    [InlineData(8, 255)]
    [InlineData(24, 0)]
    public void Load_WeightsCutShort_Throws(int bucketBits, int weights)
    {
        using var file = ModelFile("RSPM", 2, bucketBits, weights);

        var error = Assert.Throws<InvalidDataException>(() => SpamModel.Load(file));

        Assert.Equal("The model's weights are cut short.", error.Message);
    }

    // A model file as Save writes it: gzip of magic, version, bucket bits, bias and band logits, then half-precision weights.
    private static MemoryStream ModelFile(string magic, int version, int bucketBits, int weights)
    {
        var file = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip))
        {
            writer.Write(System.Text.Encoding.ASCII.GetBytes(magic));
            writer.Write(version);
            writer.Write(bucketBits);
            writer.Write(0f);
            writer.Write(1f);
            writer.Write(5f);
            writer.Write(new byte[weights * 2]);
        }
        file.Position = 0;
        return file;
    }
}
