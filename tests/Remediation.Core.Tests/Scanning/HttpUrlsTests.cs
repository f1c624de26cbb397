using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning;

public class HttpUrlsTests
{
    [Fact]
    public void In_UrlsWrittenInText_EachUpToItsEnd()
    {
        var urls = HttpUrls.In("see http://a.example/x, (HTTPS://b.example/y?q=1) or <https://c.example/> but not http:// alone");

        Assert.Equal(["http://a.example/x,", "HTTPS://b.example/y?q=1", "https://c.example/"], urls);
    }

    [Fact]
    public void In_SchemeInsideAUrl_BelongsToTheFirstUrl()
    {
        Assert.Equal(["http://a.example/http://b.example/"], HttpUrls.In("http://a.example/http://b.example/"));
    }

    [Theory]
    [InlineData("http://a.example/x\"rest")]
    [InlineData("http://a.example/x'rest")]
    [InlineData("http://a.example/x<rest")]
    [InlineData("http://a.example/x>rest")]
    [InlineData("http://a.example/x(rest")]
    [InlineData("http://a.example/x)rest")]
    [InlineData("http://a.example/x[rest")]
    [InlineData("http://a.example/x]rest")]
    [InlineData("http://a.example/x{rest")]
    [InlineData("http://a.example/x}rest")]
    [InlineData("http://a.example/x rest")]
    [InlineData("http://a.example/x\trest")]
    [InlineData("http://a.example/x\r\nrest")]
    [InlineData("http://a.example/x\u00A0rest")]
    public void In_UrlFollowedByADelimiter_EndsBeforeIt(string text)
    {
        Assert.Equal(["http://a.example/x"], HttpUrls.In(text));
    }

    [Theory]
    [InlineData("https://")]
    [InlineData("HTTPS:// alone")]
    [InlineData("http:// alone")]
    [InlineData("https://\"quoted\"")]
    [InlineData("http:/a.example/")]
    [InlineData("")]
    public void In_SchemeWithNothingAfterIt_IsNoUrl(string text)
    {
        Assert.Empty(HttpUrls.In(text));
    }

    [Fact]
    public void In_EmptySchemeBeforeAUrl_IsSkippedForTheUrl()
    {
        Assert.Equal(["http://b.example/", "HTTPS://c.example/"], HttpUrls.In("http:// https:// http://b.example/ then HTTPS://c.example/"));
    }

    [Fact]
    public void In_SchemeGluedToAWord_StartsAtTheScheme()
    {
        Assert.Equal(["https://a.example/q=é"], HttpUrls.In("Visit:https://a.example/q=é"));
    }
}
