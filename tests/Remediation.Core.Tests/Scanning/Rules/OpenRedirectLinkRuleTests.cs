using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class OpenRedirectLinkRuleTests
{
    private readonly OpenRedirectLinkRule _sut = new();

    [Theory]
    [InlineData("https://www.google.com/url?q=https%3A%2F%2Fwallet-check.example%2Flogin&amp;sa=D&amp;usg=x", "Google", "wallet-check.example")]
    [InlineData("https://www.google.com.br/url?url=https://wallet-check.example/login", "Google", "wallet-check.example")]
    [InlineData("https://www.google.com/amp/s/wallet-check.example/login", "Google's AMP cache", "wallet-check.example")]
    [InlineData("http://www.google.de/amp/wallet-check.example/r/7f3a", "Google's AMP cache", "wallet-check.example")]
    [InlineData("https://translate.google.com/translate?u=https://wallet-check.example/login&amp;hl=en", "Google Translate", "wallet-check.example")]
    [InlineData("https://www.youtube.com/redirect?q=https://wallet-check.example/login", "YouTube", "wallet-check.example")]
    [InlineData("https://www.bing.com/ck/a?!&amp;&amp;p=abc&amp;u=a1aHR0cHM6Ly93YWxsZXQtY2hlY2suZXhhbXBsZS9sb2dpbg&amp;ntb=1", "Bing", "wallet-check.example")]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fwallet-check.example%2Flogin", "Facebook", "wallet-check.example")]
    [InlineData("https://bing.com/ck/a?u=a1aHR0cHM6Ly93YWxsZXQtY2hlY2suZXhhbXBsZS9hYmM", "Bing", "wallet-check.example")]
    [InlineData("https://www.bing.com/ck/a?u=xyz", "Bing", "a destination it does not show")]
    [InlineData("https://translate.google.de/website?u=https://wallet-check.example/login", "Google Translate", "wallet-check.example")]
    [InlineData("https://youtube.com/redirect?q=https://wallet-check.example/login", "YouTube", "wallet-check.example")]
    [InlineData("https://lm.facebook.com/l.php?u=https://wallet-check.example/login", "Facebook", "wallet-check.example")]
    [InlineData("https://l.instagram.com/?u=https://wallet-check.example/login", "Instagram", "wallet-check.example")]
    [InlineData("https://www.googleadservices.com/pagead/aclk?adurl=https://wallet-check.example/login", "Google Ads", "wallet-check.example")]
    [InlineData("https://googleadservices.com/pagead/aclk?adurl=https://wallet-check.example/login", "Google Ads", "wallet-check.example")]
    [InlineData("https://www.google.com/url?q=ftp://files.wallet-check.example/x", "Google", "a destination it does not show")]
    [InlineData("https://linkedin.com/slink?code=eAbCdEf", "LinkedIn", "a destination it does not show")]
    [InlineData("https://www.linkedin.com/slink?code=eAbCdEf", "LinkedIn", "a destination it does not show")]
    public void Evaluate_LinkThroughARedirectToAnotherSite_Fires(string href, string site, string destination)
    {
        var hit = Assert.Single(_sut.Evaluate(WithAnchor(href)));

        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Contains($"through {site}'s redirect", hit.Reason, StringComparison.Ordinal);
        Assert.Contains($"to {destination}", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.google.com/url?q=https://meet.partner.example/j/123&amp;sa=D&amp;source=calendar&amp;usg=x")]
    [InlineData("https://www.google.com/url?q=https://support.google.com/mail")]
    [InlineData("https://www.google.com/search?q=wallet")]
    [InlineData("https://www.google.com/amp/s/www.google.com/news")]
    [InlineData("https://www.youtube.com/watch?v=abc")]
    [InlineData("https://www.partner.example/url?q=https://wallet-check.example/")]
    [InlineData("https://translate.partner.example/translate?u=https://wallet-check.example/")]
    [InlineData("https://www.google.com/translate?u=https://wallet-check.example/")]
    [InlineData("https://www.googleadservices.com/pagead/conversion?adurl=https://wallet-check.example/")]
    [InlineData("https://www.youtube.com/watch?q=https://wallet-check.example/")]
    public void Evaluate_NoRedirectToAnotherSite_DoesNotFire(string href)
    {
        Assert.Empty(_sut.Evaluate(WithAnchor(href)));
    }

    private static ScannedMessage WithAnchor(string href) => TestMail.Read(TestMail.Parse(
        "From: news@partner.example\r\nTo: alice@contoso.example\r\nSubject: News\r\nContent-Type: text/html\r\n\r\n" +
        $"<p>Hello</p><a href=\"{href}\">Open</a>\r\n"));
}
