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
}
