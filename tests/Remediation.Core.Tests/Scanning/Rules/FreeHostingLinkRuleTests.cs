using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class FreeHostingLinkRuleTests
{
    private readonly FreeHostingLinkRule _sut = new();

    [Theory]
    [InlineData("https://storage.googleapis.com/bucket-x/index.html", "storage.googleapis.com")]
    [InlineData("https://verify-x1-abcdef-uc.a.run.app/login", "run.app")]
    [InlineData("https://bucket.s3.eu-west-1.amazonaws.com/p/index.html", "amazonaws.com")]
    [InlineData("https://example-shop.pages.dev/", "pages.dev")]
    [InlineData("https://us-central1-project-123.cloudfunctions.net/verify", "cloudfunctions.net")]
    [InlineData("https://portal-login-x.azurewebsites.net/", "azurewebsites.net")]
    [InlineData("https://mailbox-check.duckdns.org/index.php", "duckdns.org")]
    public void Evaluate_AnchorToAFreePlatform_Fires(string href, string platform)
    {
        var hit = Assert.Single(_sut.Evaluate(WithAnchor(href, "Open")));

        Assert.Contains(platform, hit.Reason, StringComparison.Ordinal);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
    }

    [Theory]
    [InlineData("https://contoso.sharepoint.com/sites/finance/budget.xlsx")]
    [InlineData("https://www.partner.example/updates")]
    [InlineData("https://docs.google.com/document/d/1/edit")]
    public void Evaluate_AnchorToAnOrganisationOrDocumentSharing_DoesNotFire(string href)
    {
        Assert.Empty(_sut.Evaluate(WithAnchor(href, "Open")));
    }

    [Fact]
    public void Evaluate_ImageOnABucket_DoesNotFire()
    {
        var message = TestMail.Read(TestMail.Parse(
            "From: news@partner.example\r\nTo: alice@contoso.example\r\nSubject: News\r\nContent-Type: text/html\r\n\r\n" +
            "<p>News</p><img src=\"https://storage.googleapis.com/cdn-x/banner.png\" alt=\"banner\">\r\n"));

        Assert.Empty(_sut.Evaluate(message));
    }

    [Theory]
    [InlineData("storage.googleapis.com")]
    [InlineData("firebasestorage.googleapis.com")]
    [InlineData("blob.core.windows.net")]
    [InlineData("web.core.windows.net")]
    [InlineData("s3.amazonaws.com")]
    [InlineData("digitaloceanspaces.com")]
    [InlineData("wasabisys.com")]
    [InlineData("backblazeb2.com")]
    [InlineData("r2.dev")]
    [InlineData("run.app")]
    [InlineData("web.app")]
    [InlineData("firebaseapp.com")]
    [InlineData("appspot.com")]
    [InlineData("pages.dev")]
    [InlineData("workers.dev")]
    [InlineData("netlify.app")]
    [InlineData("vercel.app")]
    [InlineData("github.io")]
    [InlineData("glitch.me")]
    [InlineData("herokuapp.com")]
    [InlineData("onrender.com")]
    [InlineData("fly.dev")]
    [InlineData("amplifyapp.com")]
    [InlineData("replit.app")]
    [InlineData("repl.co")]
    [InlineData("surge.sh")]
    [InlineData("000webhostapp.com")]
    [InlineData("ngrok.io")]
    [InlineData("ngrok-free.app")]
    [InlineData("ngrok.app")]
    [InlineData("cloudfunctions.net")]
    [InlineData("azurewebsites.net")]
    [InlineData("weebly.com")]
    [InlineData("wixsite.com")]
    [InlineData("square.site")]
    [InlineData("godaddysites.com")]
    [InlineData("webflow.io")]
    [InlineData("framer.app")]
    [InlineData("blogspot.com")]
    [InlineData("mystrikingly.com")]
    [InlineData("carrd.co")]
    [InlineData("typedream.app")]
    [InlineData("ipfs.io")]
    [InlineData("dweb.link")]
    [InlineData("translate.goog")]
    [InlineData("duckdns.org")]
    [InlineData("ddns.net")]
    [InlineData("dns.army")]
    [InlineData("hopto.org")]
    [InlineData("zapto.org")]
    [InlineData("dynu.net")]
    [InlineData("servegame.org")]
    [InlineData("sytes.net")]
    [InlineData("no-ip.org")]
    [InlineData("myftp.biz")]
    [InlineData("mywire.org")]
    [InlineData("mooo.com")]
    [InlineData("us.to")]
    [InlineData("dynv6.net")]
    public void Evaluate_AnchorToEachListedPlatform_NamesThePlatformAndHost(string platform)
    {
        var host = "login-check." + platform;

        var hit = Assert.Single(_sut.Evaluate(WithAnchor($"https://{host}/index.html", "Open")));

        Assert.Equal(FreeHostingLinkRule.Name, hit.Rule);
        Assert.Equal(2.5, hit.Weight);
        Assert.Equal($"A link opens a page on the free hosting platform {platform} ({host}).", hit.Reason);
    }

    [Theory]
    [InlineData("https://files-x.s3-us-west-2.amazonaws.com/p/index.html")]
    [InlineData("http://s3.eu-central-1.amazonaws.com/bucket/index.html")]
    public void Evaluate_RegionalS3Endpoint_IsAmazonHosting(string href)
    {
        var hit = Assert.Single(_sut.Evaluate(WithAnchor(href, "Open")));

        Assert.Equal($"A link opens a page on the free hosting platform amazonaws.com ({new Uri(href).Host}).", hit.Reason);
    }

    [Theory]
    [InlineData("https://ec2-198-51-100-7.compute-1.amazonaws.com/")]
    [InlineData("https://s3.partner.example/files")]
    [InlineData("https://www.partner.example/s3")]
    public void Evaluate_AmazonHostThatIsNoS3OrS3NameElsewhere_DoesNotFire(string href)
    {
        Assert.Empty(_sut.Evaluate(WithAnchor(href, "Open")));
    }

    [Fact]
    public void Evaluate_FreeHostAfterMailtoAndRelativeLinks_NamesTheFirstWebLinkOnAPlatform()
    {
        var message = TestMail.Read(TestMail.Parse(
            "From: news@partner.example\r\nTo: alice@contoso.example\r\nSubject: News\r\nContent-Type: text/html\r\n\r\n" +
            "<a href=\"mailto:help@web.app\">Mail</a> <a href=\"/local/page\">Local</a> <a href=\"ftp://files.web.app/x\">FTP</a> " +
            "<a href=\"https://one.web.app/\">One</a> <a href=\"https://two.netlify.app/\">Two</a>\r\n"));

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal("A link opens a page on the free hosting platform web.app (one.web.app).", hit.Reason);
    }

    // A PDF whose one link opens a static site: the lure sits in the file, where body link scanners do not look.
    [Fact]
    public void Evaluate_LinkInsideAnAttachedPdf_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(WithPdfLinking("https://billing-x.z13.web.core.windows.net/")));

        Assert.Equal("A link inside an attachment opens a page on the free hosting platform web.core.windows.net (billing-x.z13.web.core.windows.net).", hit.Reason);
    }

    [Fact]
    public void Evaluate_LinkInsideAnAttachedPdfToAnOrganisation_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(WithPdfLinking("https://www.partner.example/invoice")));
    }

    private static ScannedMessage WithPdfLinking(string href)
    {
        var body = new BodyBuilder { TextBody = "Please see the attached statement." };
        body.Attachments.Add("statement.pdf", System.Text.Encoding.Latin1.GetBytes($"%PDF-1.7\n<< /A << /URI ({href}) >> >>\n%%EOF"), new ContentType("application", "pdf"));
        var mime = new MimeMessage([MailboxAddress.Parse("billing@partner.example")], [MailboxAddress.Parse("alice@contoso.example")], "Statement", body.ToMessageBody());
        return TestMail.Read(mime);
    }

    private static ScannedMessage WithAnchor(string href, string text) => TestMail.Read(TestMail.Parse(
        "From: news@partner.example\r\nTo: alice@contoso.example\r\nSubject: News\r\nContent-Type: text/html\r\n\r\n" +
        $"<p>Hello</p><a href=\"{href}\">{text}</a>\r\n"));
}
