using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class LinkFeaturesTests
{
    [Fact]
    public void Add_LinkToAnAddressAndPort_MarksHostPortAndPathWords()
    {
        var message = TestMail.Read(TestMail.Parse("""
            From: Deals <deals@shop.example>
            Subject: offer
            Content-Type: text/plain

            Order here http://192.0.2.1:8080/remove/me.html?id=77 today
            """));

        var sut = Features.Of(v => LinkFeatures.Add(message, v));

        Assert.True(sut.Has('u', "ip"));
        Assert.True(sut.Has('u', "port"));
        Assert.True(sut.Has('u', "query"));
        Assert.True(sut.Has('u', "path:remove"));
        Assert.True(sut.Has('u', "links-elsewhere"));
    }

    [Fact]
    public void Add_LinkToTheSendersSite_IsAligned()
    {
        var message = TestMail.Read(TestMail.Parse("""
            From: News <news@mail.shop.example>
            Subject: this week
            Content-Type: text/plain

            Read on at https://www.shop.example/news
            """));

        var sut = Features.Of(v => LinkFeatures.Add(message, v));

        Assert.True(sut.Has('u', "links-sender"));
        Assert.True(sut.Has('h', "shop.example"));
        Assert.True(sut.Has('u', "tld:example"));
        Assert.False(sut.Has('u', "ip"));
    }
}
