using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class RelayFeaturesTests
{
    [Fact]
    public void Add_HomeConnectionGreetingWithAnotherName_MarksItDynamicAndMismatched()
    {
        var mime = TestMail.Parse("""
            Received: from ab97c1098.com (66-178-46-19.reverse.example.net [66.178.46.19])
                by mx.example.org with SMTP id g8BCkkC15128; Wed, 11 Sep 2002 13:46:49 +0100
            From: a@b.example
            Subject: hi

            text
            """);

        var sut = Features.Of(v => RelayFeatures.Add(mime, v));

        Assert.True(sut.Has('r', "reverse-dynamic"));
        Assert.True(sut.Has('r', "helo-mismatch"));
    }

    [Fact]
    public void Add_ServerGreetingWithItsOwnName_MarksNothing()
    {
        var mime = TestMail.Parse("""
            Received: from mail.example.com (mail.example.com [192.0.2.10])
                by mx.example.org with ESMTP id 1234; Wed, 11 Sep 2002 13:46:49 +0100
            Received: from localhost (localhost [127.0.0.1]) by mail.example.com; Wed, 11 Sep 2002 13:46:48 +0100
            From: a@example.com
            Subject: hi

            text
            """);

        var sut = Features.Of(v => RelayFeatures.Add(mime, v));

        Assert.False(sut.Has('r', "reverse-dynamic"));
        Assert.False(sut.Has('r', "helo-mismatch"));
        Assert.False(sut.Has('r', "helo-bare"));
    }

    [Fact]
    public void Add_GreetingWithAnAddress_MarksIt()
    {
        var mime = TestMail.Parse("""
            Received: from [203.0.113.7] (unknown [203.0.113.7]) by mx.example.org; Wed, 11 Sep 2002 13:46:49 +0100
            From: a@b.example
            Subject: hi

            text
            """);

        var sut = Features.Of(v => RelayFeatures.Add(mime, v));

        Assert.True(sut.Has('r', "helo-address"));
        Assert.True(sut.Has('r', "reverse-none"));
    }
}
