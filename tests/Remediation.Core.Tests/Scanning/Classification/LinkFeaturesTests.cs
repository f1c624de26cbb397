using Remediation.Core.Scanning;
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

    [Fact]
    public void Add_NoLinks_MarksOnlyTheirCount()
    {
        var sut = Features.Of(v => LinkFeatures.Add(Text("Just words here."), v));

        Assert.True(sut.Has('u', "links:0"));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Add_PlainLink_MarksItsDomainTopLevelDomainAndCounts()
    {
        var sut = Features.Of(v => LinkFeatures.Add(Text("See https://WWW.Shop.Example/ and https://news.shop.example/ and https://other.example/"), v));

        Assert.True(sut.Has('h', "shop.example"));
        Assert.True(sut.Has('h', "other.example"));
        Assert.True(sut.Has('u', "tld:example"));
        Assert.True(sut.Has('u', "links:2"));
        Assert.True(sut.Has('u', "domains:2"));
        Assert.True(sut.Has('u', "links-elsewhere"));
        Assert.Equal(6, sut.Count);
    }

    [Theory]
    [InlineData("http://[2001:db8::1]/", "ip")]
    [InlineData("http://user:secret@shop.example/", "user-info")]
    [InlineData("http://shop.example/a%20b", "escaped")]
    [InlineData("http://shop.example/?a", "query")]
    [InlineData("http://shop.example:443/", "port")]
    [InlineData("http://localhost/", "tld:localhost")]
    [InlineData("http://192.0.2.1/", "tld:1")]
    public void Add_LinkBuiltOddly_MarksHow(string link, string feature) =>
        Assert.True(Features.Of(v => LinkFeatures.Add(Html($"<a href=\"{link}\">Open</a>"), v)).Has('u', feature));

    [Fact]
    public void Add_OrdinaryLink_MarksNoOddity()
    {
        var sut = Features.Of(v => LinkFeatures.Add(Html("<a href=\"http://shop.example/?\">Open</a>"), v));

        Assert.False(sut.Has('u', "ip"));
        Assert.False(sut.Has('u', "user-info"));
        Assert.False(sut.Has('u', "escaped"));
        Assert.False(sut.Has('u', "query"));
        Assert.False(sut.Has('u', "port"));
    }

    [Fact]
    public void Add_PathWords_AreTheFirstSixOfTwoToTwentyLettersWithoutDigits()
    {
        var sut = Features.Of(v => LinkFeatures.Add(Text("http://shop.example/One/x/ab/item42/abcdefghijklmnopqrst/abcdefghijklmnopqrstu/seventh"), v));

        Assert.True(sut.Has('u', "path:one"));
        Assert.True(sut.Has('u', "path:ab"));
        Assert.True(sut.Has('u', "path:abcdefghijklmnopqrst"));
        Assert.False(sut.Has('u', "path:x"));
        Assert.False(sut.Has('u', "path:item42"));
        Assert.False(sut.Has('u', "path:abcdefghijklmnopqrstu"));
        Assert.False(sut.Has('u', "path:seventh"));
    }

    [Fact]
    public void Add_PathWords_AreSplitAtPunctuation()
    {
        var sut = Features.Of(v => LinkFeatures.Add(Text("http://shop.example/buy-now_cheap.pills"), v));

        Assert.True(sut.Has('u', "path:buy"));
        Assert.True(sut.Has('u', "path:now"));
        Assert.True(sut.Has('u', "path:cheap"));
        Assert.True(sut.Has('u', "path:pills"));
    }

    [Fact]
    public void Add_ManyLinks_ReadsTheFirstHundred()
    {
        var links = string.Join(" ", Enumerable.Range(0, 101).Select(i => $"https://shop{i}.example/"));

        var sut = Features.Of(v => LinkFeatures.Add(Text(links), v));

        Assert.True(sut.Has('h', "shop99.example"));
        Assert.False(sut.Has('h', "shop100.example"));
        Assert.True(sut.Has('u', "links:7"));
        Assert.True(sut.Has('u', "domains:7"));
    }

    [Fact]
    public void Add_SeveralSenders_ComparesTheLinksWithTheFirst()
    {
        var message = TestMail.Read(TestMail.Parse("From: a@shop.example, b@elsewhere.example\nSubject: offer\nContent-Type: text/plain\n\nhttps://www.shop.example/\n"));

        var sut = Features.Of(v => LinkFeatures.Add(message, v));

        Assert.True(sut.Has('u', "links-sender"));
        Assert.False(sut.Has('u', "links-elsewhere"));
    }

    [Fact]
    public void Add_LinksWithoutFrom_AreNeitherTheSendersNorElsewhere()
    {
        var message = TestMail.Read(TestMail.Parse("Subject: offer\nContent-Type: text/plain\n\nhttps://shop.example/\n"));

        var sut = Features.Of(v => LinkFeatures.Add(message, v));

        Assert.False(sut.Has('u', "links-sender"));
        Assert.False(sut.Has('u', "links-elsewhere"));
        Assert.True(sut.Has('u', "domains:1"));
    }

    [Fact]
    public void Add_Anchors_MarkMailtoAndEmptyText()
    {
        var message = Html("""<p><a href="https://shop.example/"><img src="https://shop.example/a.png"></a> <a href="MAILTO:sales@shop.example">Write</a> <a href="https://shop.example/b">Shop</a></p>""");

        var sut = Features.Of(v => LinkFeatures.Add(message, v));

        Assert.True(sut.Has('u', "anchor-mailto"));
        Assert.True(sut.Has('u', "anchor-without-text"));
    }

    [Fact]
    public void Add_AnchorsWithText_MarkNothingOfThem()
    {
        var sut = Features.Of(v => LinkFeatures.Add(Html("""<p><a href="https://shop.example/b">Shop</a></p>"""), v));

        Assert.False(sut.Has('u', "anchor-mailto"));
        Assert.False(sut.Has('u', "anchor-without-text"));
        Assert.True(sut.Has('u', "links-sender"));
    }

    [Fact]
    public void Add_OnlyAMailtoAnchor_IsNoLink()
    {
        var sut = Features.Of(v => LinkFeatures.Add(Html("""<p><a href="mailto:sales@shop.example"></a></p>"""), v));

        Assert.True(sut.Has('u', "links:0"));
        Assert.Equal(1, sut.Count);
    }

    private static ScannedMessage Text(string body) =>
        TestMail.Read(TestMail.Parse($"From: Deals <deals@mail.elsewhere.example>\nSubject: offer\nContent-Type: text/plain\n\n{body}\n"));

    private static ScannedMessage Html(string body) =>
        TestMail.Read(TestMail.Parse($"From: Shop <news@shop.example>\nSubject: offer\nContent-Type: text/html\n\n<html><body>{body}</body></html>\n"));
}
