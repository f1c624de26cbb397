using System.IO.Compression;
using System.Text;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

public class ScannedAttachmentTests
{
    private const string Link = "https://login.lure-host.example/verify";

    [Fact]
    public void New_Executable_IsKnownByItsContentWhateverItsName()
    {
        var sut = Attachment("invoice.pdf", "application/pdf", Encoding.ASCII.GetBytes("MZ\u0090\0 a program"));

        Assert.Equal(FileKind.PortableExecutable, sut.Kind);
        Assert.False(sut.IsEicar);
        Assert.Null(sut.Archive);
    }

    [Fact]
    public void New_TestFile_IsEicar()
    {
        var sut = Attachment("eicar.txt", "text/plain", Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"));

        Assert.True(sut.IsEicar);
    }

    [Fact]
    public void New_Zip_HasItsListing()
    {
        var sut = Attachment("report.zip", "application/zip", ZipBuilder.Zip(("report.exe", Encoding.ASCII.GetBytes("MZ\u0090\0"))));

        Assert.Equal(FileKind.Zip, sut.Kind);
        Assert.Equal("report.exe", Assert.Single(sut.Archive!.Entries).Path);
    }

    [Fact]
    public void New_NameTypeAndContent_AreKeptAsGiven()
    {
        var content = Encoding.ASCII.GetBytes("abc");

        var sut = Attachment("Notes.TXT", "text/plain", content);

        Assert.Equal(("Notes.TXT", "text/plain", "abc"), (sut.FileName, sut.ContentType, Encoding.ASCII.GetString(sut.Content.Span)));
    }

    [Fact]
    public void Sha256_IsTheLowerCaseHexDigestOfTheContent()
    {
        var sut = Attachment("abc.txt", "text/plain", Encoding.ASCII.GetBytes("abc"));

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sut.Sha256);
    }

    [Theory]
    [InlineData("Invoice.PDF", "pdf")]
    [InlineData("backup.tar.gz", "gz")]
    [InlineData("payload.exe . .", "exe")]
    [InlineData("payload.exe...", "exe")]
    [InlineData(".hidden", "hidden")]
    [InlineData("README", "")]
    [InlineData("trailing.", "")]
    [InlineData("", "")]
    [InlineData(".", "")]
    public void Extension_OfTheName_WithoutTheDotInLowerCase(string name, string expected)
    {
        Assert.Equal(expected, Attachment(name, "application/octet-stream", [0]).Extension);
    }

    [Theory]
    [InlineData("page.htm", "application/octet-stream")]
    [InlineData("page.html", "application/octet-stream")]
    [InlineData("page.shtml", "application/octet-stream")]
    [InlineData("page.xhtml", "application/octet-stream")]
    [InlineData("logo.svg", "application/octet-stream")]
    [InlineData("page", "text/html")]
    [InlineData("logo", "image/svg+xml")]
    public void IsHtml_ByNameOrType_IsTrue(string name, string type)
    {
        Assert.True(Attachment(name, type, Encoding.ASCII.GetBytes("hello")).IsHtml);
    }

    [Fact]
    public void IsHtml_MarkupUnderAnotherName_IsTrue()
    {
        Assert.True(Attachment("notes.txt", "text/plain", Encoding.ASCII.GetBytes("<html><body>hi</body></html>")).IsHtml);
    }

    [Theory]
    [InlineData("notes.txt", "text/plain")]
    [InlineData("page.htmx", "application/xhtml")]
    [InlineData("invite.ics", "text/calendar")]
    public void IsHtml_OtherText_IsFalse(string name, string type)
    {
        Assert.False(Attachment(name, type, Encoding.ASCII.GetBytes("hello")).IsHtml);
    }

    [Theory]
    [InlineData("invite.ics", "application/octet-stream", true)]
    [InlineData("INVITE.ICS", "application/octet-stream", true)]
    [InlineData("invite", "text/calendar", true)]
    [InlineData("invite.ical", "text/plain", false)]
    [InlineData("page.html", "text/html", false)]
    public void IsCalendar_ByNameOrType(string name, string type, bool expected)
    {
        Assert.Equal(expected, Attachment(name, type, Encoding.ASCII.GetBytes("BEGIN:VCALENDAR")).IsCalendar);
    }

    [Theory]
    [InlineData("page.html", "text/html")]
    [InlineData("invite.ics", "text/calendar")]
    public void Links_HtmlOrCalendar_TheUrlsInItsText(string name, string type)
    {
        var sut = Attachment(name, type, Encoding.ASCII.GetBytes($"Open {Link} or http://second.example/x today"));

        Assert.Equal([Link, "http://second.example/x"], sut.Links);
    }

    [Fact]
    public void Links_Pdf_ItsLinkTargetsOfEveryScheme()
    {
        var sut = Attachment("statement.pdf", "application/pdf", Encoding.Latin1.GetBytes($"%PDF-1.7\n<< /A << /URI ({Link}) >> >>\n<< /A << /URI (mailto:billing@lure-host.example) >> >>\n%%EOF"));

        Assert.Equal([Link, "mailto:billing@lure-host.example"], sut.Links);
    }

    [Fact]
    public void Links_PdfStreamLargerThanTheTextBudget_IsInflatedOnlyAsFarAsTheBudget()
    {
        var pdf = Encoding.Latin1.GetBytes("%PDF-1.7\n5 0 obj << /Filter /FlateDecode >>\nstream\n")
            .Concat(PdfLinksTests.Deflate(new string(' ', 300) + $"/URI ({Link})"))
            .Concat(Encoding.Latin1.GetBytes("\nendstream\nendobj\n%%EOF\n")).ToArray();

        Assert.Empty(Attachment("statement.pdf", "application/pdf", pdf, maxTextBytes: 200).Links);
        Assert.Equal([Link], Attachment("statement.pdf", "application/pdf", pdf, maxTextBytes: 400).Links);
    }

    [Theory]
    [InlineData("notes.txt", "text/plain")]
    [InlineData("photo.png", "image/png")]
    public void Links_OtherContent_None(string name, string type)
    {
        Assert.Empty(Attachment(name, type, Encoding.ASCII.GetBytes($"Open {Link}")).Links);
    }

    [Fact]
    public void Links_AskedTwice_AreTheSameList()
    {
        var sut = Attachment("page.html", "text/html", Encoding.ASCII.GetBytes($"<a href=\"{Link}\">x</a>"));

        Assert.Same(sut.Links, sut.Links);
    }

    [Fact]
    public void Text_ContentWithinTheBudget_IsAllOfIt()
    {
        var sut = Attachment("page.html", "text/html", Encoding.UTF8.GetBytes("<p>Grüße</p>"), maxTextBytes: 14);

        Assert.Equal("<p>Grüße</p>", sut.Text);
        Assert.False(sut.IsTextCut);
    }

    [Fact]
    public void Text_ContentLargerThanTheBudget_IsCutThere()
    {
        var sut = Attachment("page.html", "text/html", Encoding.UTF8.GetBytes("<p>hello</p>"), maxTextBytes: 8);

        Assert.Equal("<p>hello", sut.Text);
        Assert.True(sut.IsTextCut);
    }

    [Fact]
    public void Links_HtmlLongerThanTheBudget_OnlyThoseInTheTextRead()
    {
        var html = $"<a href=\"http://first.example/\">1</a> <a href=\"{Link}\">2</a>";

        var sut = Attachment("page.html", "text/html", Encoding.ASCII.GetBytes(html), maxTextBytes: html.IndexOf(Link, StringComparison.Ordinal));

        Assert.Equal(["http://first.example/"], sut.Links);
    }

    private static ScannedAttachment Attachment(string name, string type, byte[] content, int maxTextBytes = 4_000_000) =>
        new(name, type, content, new ArchiveInspector(new ScanLimits()), maxTextBytes);
}
