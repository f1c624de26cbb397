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
}
