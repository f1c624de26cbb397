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

    [Theory]
    [InlineData("from mypc (dsl-1-2.isp.example [192.0.2.1]) by mx.example.org", "helo-bare")]
    [InlineData("from unknown (HELO relay.example) by mx.example.org", "helo-unknown")]
    [InlineData("FROM [192.0.2.1] (mail.example.com [192.0.2.1]) by mx.example.org", "helo-address")]
    [InlineData("from mail.example.com (192.0.2.10) by mx.example.org", "reverse-none")]
    [InlineData("from mail.example.com (mail.example.com [192.0.2.10] (may be forged)) by mx.example.org", "forged")]
    [InlineData("from mail.example.com (mail.example.com [192.0.2.10] (MAY BE\n    FORGED)) by mx.example.org", "forged")]
    public void Add_ClientAnomaly_IsMarked(string received, string feature) => Assert.True(Of(received).Has('r', feature));

    [Theory]
    [InlineData("dsl-1-2.isp.example")]
    [InlineData("192-0-2-1.isp.example")]
    [InlineData("192.0.2.1.isp.example")]
    [InlineData("dialup7.isp.example")]
    [InlineData("cable.isp.example")]
    [InlineData("pool-7.isp.example")]
    [InlineData("dynamic.isp.example")]
    [InlineData("ppp.isp.example")]
    [InlineData("client.isp.example")]
    [InlineData("user.isp.example")]
    [InlineData("host7.isp.example")]
    [InlineData("DSL.ISP.EXAMPLE")]
    public void Add_ReverseNameOfAHomeConnection_IsDynamic(string reverse)
    {
        var sut = Of($"from pc.isp.example ({reverse} [192.0.2.1]) by mx.example.org");

        Assert.True(sut.Has('r', "reverse-dynamic"));
        Assert.False(sut.Has('r', "helo-mismatch"));
        Assert.Equal(1, sut.Count);
    }

    [Theory]
    [InlineData("mail.example.com")]
    [InlineData("host.example.com")]
    [InlineData("mx1.example.com")]
    public void Add_ReverseNameOfAServer_IsNotDynamic(string reverse)
    {
        var sut = Of($"from {reverse} ({reverse} [192.0.2.1]) by mx.example.org");

        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void Add_AddressGreetingWithAReverseName_IsNoMismatch()
    {
        var sut = Of("from [192.0.2.1] (mail.example.com [192.0.2.1]) by mx.example.org");

        Assert.True(sut.Has('r', "helo-address"));
        Assert.False(sut.Has('r', "helo-mismatch"));
        Assert.False(sut.Has('r', "helo-bare"));
        Assert.False(sut.Has('r', "reverse-none"));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Add_BareGreetingWithAReverseName_IsNoMismatch()
    {
        var sut = Of("from mypc (mail.example.com [192.0.2.1]) by mx.example.org");

        Assert.True(sut.Has('r', "helo-bare"));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Add_GreetingInAnotherDomain_IsAMismatch()
    {
        var sut = Of("from mail.example.com (mail.other.example [192.0.2.1]) by mx.example.org");

        Assert.True(sut.Has('r', "helo-mismatch"));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Add_ClientWithSeveralNames_TakesTheFirstAsTheReverseName()
    {
        var sut = Of("from mail.example.com (dsl-7.isp.example [192.0.2.1] ident=mail.example.com) by mx.example.org");

        Assert.True(sut.Has('r', "reverse-dynamic"));
        Assert.True(sut.Has('r', "helo-mismatch"));
    }

    [Fact]
    public void Add_BracketedIpv6Client_HasNoReverseName()
    {
        var sut = Of("from mail.example.com (unknown [IPv6:::ffff:192.0.2.1]) by mx.example.org");

        Assert.True(sut.Has('r', "reverse-none"));
        Assert.False(sut.Has('r', "reverse-dynamic"));
        Assert.Equal(1, sut.Count);
    }

    [Theory]
    [InlineData("from mail.example.com by mx.example.org with ESMTP")]
    [InlineData("by mx.example.org with ESMTP id 1234")]
    [InlineData("from mail.example.com () by mx.example.org")]
    public void Add_NoClientDetails_MarksNothing(string received) => Assert.Equal(0, Of(received).Count);

    [Theory]
    [InlineData("from mypc (LOCALHOST) by mx.example.org (may be forged)")]
    [InlineData("from mypc (127.0.0.1) by mx.example.org (may be forged)")]
    public void Add_HopInsideOneMachine_IsSkipped(string received) => Assert.Equal(0, Of(received).Count);

    [Theory]
    [InlineData("from DUZP191CA0011.EURP191.PROD.OUTLOOK.COM (2603:10a6:10:4f9::9) by\n SJ0P223MB0686.NAMP223.PROD.OUTLOOK.COM (2603:10b6:a03:47c::9) with Microsoft SMTP Server")]
    [InlineData("from DBAEUR03FT014.eop-EUR03.prod.protection.outlook.com\n (2603:10a6:10:4f9:cafe::8a) by DUZP191CA0011.outlook.office365.com (2603:10a6:10:4f9::9)")]
    public void Add_HopBetweenExchangeOnlineServers_IsSkipped(string received) => Assert.Equal(0, Of(received).Count);

    [Fact]
    public void Add_HopIntoExchangeOnline_ReadsTheGreetingOnly()
    {
        // Exchange Online writes the client's address and never its reverse name.
        Assert.Equal(0, Of("from a9-23.smtp-out.mailer.example (54.240.9.23) by DBAEUR03FT014.mail.protection.outlook.com (100.127.143.22)").Count);

        var sut = Of("from [203.0.113.7] (203.0.113.7) by DBAEUR03FT014.mail.protection.outlook.com (100.127.143.22)");

        Assert.True(sut.Has('r', "helo-address"));
        Assert.False(sut.Has('r', "reverse-none"));
    }

    [Fact]
    public void Add_HopIntoAnotherServerFromExchangeOnline_IsRead()
    {
        Assert.True(Of("from DUZP191CA0011.outlook.office365.com (192.0.2.10) by mx.example.org").Has('r', "reverse-none"));
    }

    [Fact]
    public void Add_NonReceivedHeader_IsIgnored()
    {
        var mime = TestMail.Parse("X-Received: from mypc (dsl.isp.example [192.0.2.1]) (may be forged)\nFrom: a@b.example\nSubject: hi\n\ntext\n");

        var sut = Features.Of(v => RelayFeatures.Add(mime, v));

        Assert.Equal(0, sut.Count);
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(12, false)]
    public void Add_MoreThanTwelveHops_ReadsOnlyTheFirstTwelve(int cleanHops, bool forgedSeen)
    {
        var received = Enumerable.Repeat("from mail.example.com (mail.example.com [192.0.2.1]) by mx.example.org", cleanHops)
            .Append("from mail.example.com (mail.example.com [192.0.2.1] (may be forged)) by mx.example.org")
            .ToArray();

        var sut = Of(received);

        Assert.Equal(forgedSeen, sut.Has('r', "forged"));
    }

    private static Features Of(params string[] received)
    {
        var headers = string.Concat(received.Select(r => $"Received: {r}; Wed, 11 Sep 2002 13:46:49 +0100\n"));
        var mime = TestMail.Parse(headers + "From: a@b.example\nSubject: hi\n\ntext\n");
        return Features.Of(v => RelayFeatures.Add(mime, v));
    }
}
