using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class SenderFeaturesTests
{
    [Fact]
    public void Add_GeneratedSender_MarksItsHabits()
    {
        var message = TestMail.Read(TestMail.Parse("""
            Return-Path: <bounce@mailer.example>
            From: "BEST DEALS" <yhdiana99b@yahoo.com>
            To: undisclosed-recipients:;
            Subject: hi
            Message-ID: <mn6z35o.umk9tlzwt@geocities.example>
            Date: 2002/09/14 Sat 13:06:03 GMT

            text
            """));

        var sut = Features.Of(v => SenderFeatures.Add(message, v));

        Assert.True(sut.Has('x', "from-local-digits"));
        Assert.True(sut.Has('x', "from-local:a9a"));
        Assert.True(sut.Has('x', "from-name-capitals"));
        Assert.True(sut.Has('x', "from-freemail"));
        Assert.True(sut.Has('x', "return-path-other"));
        Assert.True(sut.Has('x', "message-id-other"));
        Assert.True(sut.Has('x', "to-undisclosed"));
        Assert.True(sut.Has('x', "date:9/9/9 Aa 9:9:9 A"));
    }

    [Fact]
    public void Add_OrdinaryMailClient_IsConsistent()
    {
        var message = TestMail.Read(TestMail.Parse("""
            Return-Path: <ned@qu.example>
            From: Ned Lovely <ned@qu.example>
            To: Friends <fork@lists.example>
            Subject: Re: The Big Jump
            Message-ID: <20020910004617.GB1045@ibu.qu.example>
            Date: Mon, 9 Sep 2002 20:46:17 -0400
            In-Reply-To: <002201c2582a$e84211f0$0200a8c0@example>
            User-Agent: Mutt/1.3.25i

            text
            """));

        var sut = Features.Of(v => SenderFeatures.Add(message, v));

        Assert.True(sut.Has('x', "return-path-same"));
        Assert.True(sut.Has('x', "message-id-sender"));
        Assert.True(sut.Has('x', "In-Reply-To"));
        Assert.True(sut.Has('m', "mutt"));
        Assert.False(sut.Has('x', "from-local-digits"));
        Assert.False(sut.Has('x', "from-freemail"));
    }
}
