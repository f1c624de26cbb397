using System.Text;
using MimeKit;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Scanning;

public class ScanLimitsTests
{
    private readonly ScanEngine _sut = TestMail.Engine();

    [Fact]
    public async Task Scan_DeeplyNestedMultiparts_IsUnscannable()
    {
        var mime = new StringBuilder("From: a@partner.example\r\nTo: alice@contoso.example\r\nSubject: nest\r\nMIME-Version: 1.0\r\n");
        for (var depth = 0; depth < 200; depth++)
        {
            mime.Append($"Content-Type: multipart/mixed; boundary=\"b{depth}\"\r\n\r\n--b{depth}\r\n");
        }
        mime.Append("Content-Type: text/plain\r\n\r\ndeep\r\n");

        var verdict = _sut.Scan(await LoadAsync(mime.ToString()));

        Assert.Equal(VerdictBand.Unscannable, verdict.Band);
        Assert.Equal(ScanLimit.MimeDepth, verdict.Unscannable?.Limit);
        Assert.Contains("nest deeper", verdict.Unscannable!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_ThousandsOfParts_IsUnscannable()
    {
        var mime = new StringBuilder("From: a@partner.example\r\nTo: alice@contoso.example\r\nSubject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (var part = 0; part < 5_000; part++) mime.Append("--p\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        mime.Append("--p--\r\n");

        var verdict = _sut.Scan(await LoadAsync(mime.ToString()));

        Assert.Equal(VerdictBand.Unscannable, verdict.Band);
        Assert.Equal(ScanLimit.MimeParts, verdict.Unscannable?.Limit);
        Assert.Contains("MIME parts", verdict.Unscannable!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ZipBomb_IsUnscannableWithoutUnpackingIt()
    {
        // The engine's first scan of a text builds its patterns, loads its brand catalogue and fills caches shared by
        // every scan: paid once, 8.6 MB when this test ran alone, so it passed only after other tests had paid them.
        // A scan of the same message pays them first; unpacking the bomb would cost its 24 MB on every scan.
        _sut.Scan(new ScanInput(TestMail.Load("Limits", "zip-bomb.eml")));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var verdict = _sut.Scan(new ScanInput(TestMail.Load("Limits", "zip-bomb.eml")));

        Assert.Equal(VerdictBand.Unscannable, verdict.Band);
        Assert.Equal(ScanLimit.Archive, verdict.Unscannable?.Limit);
        Assert.Contains("compressed more than", verdict.Unscannable!.Description, StringComparison.Ordinal);
        // The entry claims 24 MB; reading it would allocate at least that.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 * 1024 * 1024);
    }

    [Fact]
    public async Task Scan_MessageLargerThanLimit_IsUnscannable()
    {
        var engine = TestMail.Engine(o => o.Limits.MaxMessageBytes = 4096);
        var mime = "From: a@partner.example\r\nTo: alice@contoso.example\r\nSubject: big\r\n\r\n" + new string('x', 20_000);

        var message = await MimeLoader.LoadAsync(new MemoryStream(Encoding.ASCII.GetBytes(mime)), engine.Limits, CancellationToken.None);
        var verdict = engine.Scan(ScanInput.From(message));

        Assert.Equal(VerdictBand.Unscannable, verdict.Band);
        Assert.Equal(new UnscannableReason(ScanLimit.MessageSize, "it is larger than 4 KB"), verdict.Unscannable);
    }

    [Fact]
    public async Task Scan_SenderWritesTheLimitHeaderItself_IsNotUnscannable()
    {
        var mime = "From: a@partner.example\r\nTo: alice@contoso.example\r\nX-Remediation-Scan-Limit: it is larger than 1 MB\r\nSubject: hi\r\n\r\nSee you tomorrow.\r\n";

        var verdict = _sut.Scan(await LoadAsync(mime));

        Assert.Null(verdict.Unscannable);
        Assert.NotEqual(VerdictBand.Unscannable, verdict.Band);
    }

    [Fact]
    public async Task Scan_OverLimitButKnownCampaign_StaysMalicious()
    {
        var mime = new StringBuilder("From: a@partner.example\r\nSubject: parts\r\nContent-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (var part = 0; part < 600; part++) mime.Append("--p\r\nContent-Type: text/plain\r\n\r\nx\r\n");

        var verdict = _sut.Scan(await LoadAsync(mime.ToString()) with { KnownCampaign = new KnownCampaign("c-1", ThreatCategory.Spam) });

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.NotNull(verdict.Unscannable);
    }

    [Fact]
    public void Scan_HtmlAttachmentLargerThanTextLimit_IsUnscannable()
    {
        var engine = TestMail.Engine(o => o.Limits.MaxAttachmentTextBytes = 1024);

        var verdict = engine.Scan(new ScanInput(WithHtmlAttachments(new string('x', 600), new string('y', 600))));

        Assert.Equal(VerdictBand.Unscannable, verdict.Band);
        Assert.Equal(new UnscannableReason(ScanLimit.AttachmentText, "its HTML attachments are larger than 1024 bytes together"), verdict.Unscannable);
    }

    [Fact]
    public void Read_HtmlAttachmentsLargerThanTextLimit_RulesReadOnlyTheLimit()
    {
        var limits = new ScanLimits { MaxAttachmentTextBytes = 1024 };

        var attachments = ScannedMessage.Read(new ScanInput(WithHtmlAttachments(new string('x', 600), new string('y', 600))), limits, TestMail.TenantId).Attachments;

        Assert.Equal([600, 424], attachments.Select(a => a.Text.Length));
        Assert.Equal([600, 600], attachments.Select(a => a.Content.Length));
    }

    [Fact]
    public void Read_HtmlAttachmentReadByTwoRules_IsDecodedToTextOnce()
    {
        var attachment = Assert.Single(TestMail.Read(WithHtmlAttachments("<p>hello</p>")).Attachments);

        Assert.Same(attachment.Text, attachment.Text);
    }

    private static MimeMessage WithHtmlAttachments(params string[] pages)
    {
        var body = new Multipart("mixed") { new TextPart("plain") { Text = "see attached" } };
        foreach (var html in pages)
        {
            body.Add(new MimePart("text", "html") { FileName = "page.html", Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(html))) });
        }
        // A fixed Message-ID and date: the generated ones vary in shape, and the spam classifier reads their shape.
        var mime = new MimeMessage { Subject = "page", Body = body, MessageId = "page.1@partner.example", Date = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) };
        mime.From.Add(MailboxAddress.Parse("a@partner.example"));
        mime.To.Add(MailboxAddress.Parse($"alice@{TestMail.Domain}"));
        return mime;
    }

    private static async Task<ScanInput> LoadAsync(string mime) =>
        ScanInput.From(await MimeLoader.LoadAsync(new MemoryStream(Encoding.ASCII.GetBytes(mime)), new ScanLimits(), CancellationToken.None));
}
