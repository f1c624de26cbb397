using System.Text;
using MimeKit;
using Remediation.Core.Scanning;
using SkiaSharp;

namespace Remediation.Core.Tests.Scanning;

/// <summary>What reading a message hands the rules: its text, links, attachments and senders, within the scan limits.</summary>
public sealed class ScannedMessageTests
{
    [Fact]
    public void Read_PlainAndHtmlBodies_JoinsTheirReadableTextLineByLine()
    {
        var message = Read(new Multipart("mixed", new TextPart("plain") { Text = "First part." }, new TextPart("html") { Text = "<p>Second <b>part</b>.</p>" }));

        // A block element is set off by spaces, so its words never run into the text around it.
        Assert.Equal("First part.\n Second part. \n", message.Text);
        Assert.True(message.HasHtmlBody);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public void Read_TextHiddenByAnInlineStyle_IsReadByRulesAfterTheVisibleTextButIsNotVisible()
    {
        var message = TestMail.Read(TestMail.Parse("""
            From: a@partner.example
            Subject: Offer
            Content-Type: text/html; charset=utf-8

            <p>Cheap watches</p><div style="display:none">Minutes of the board meeting</div><p>today</p>
            """));

        Assert.EndsWith("\nMinutes of the board meeting", message.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith(message.VisibleText, message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Minutes", message.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Cheap watches", message.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PlainBodyOnly_HasNoHtmlBody()
    {
        var message = Read(new TextPart("plain") { Text = "Only words." });

        Assert.False(message.HasHtmlBody);
        Assert.Equal("Only words.\n", message.Text);
    }

    [Fact]
    public void Read_TextPartsThatAreFiles_AreAttachmentsNotBodyText()
    {
        var named = new TextPart("plain") { Text = "a named file", FileName = "notes.txt" };
        var attached = new TextPart("plain") { Text = "an attached file", ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) };
        var csv = new TextPart("csv") { Text = "a,b" };

        var message = Read(new Multipart("mixed", new TextPart("plain") { Text = "Body." }, named, attached, csv));

        Assert.Equal("Body.\n", message.Text);
        Assert.Equal(["notes.txt", "", ""], message.Attachments.Select(a => a.FileName));
        Assert.Equal(["text/plain", "text/plain", "text/csv"], message.Attachments.Select(a => a.ContentType));
    }

    [Fact]
    public void Read_BodyTextPastTheLimit_SkipsThatPartKeepsTheOthersAndNamesTheLimit()
    {
        var limits = new ScanLimits { MaxBodyChars = 20 };

        var message = Read(new Multipart("mixed", new TextPart("plain") { Text = "0123456789" }, new TextPart("plain") { Text = new string('x', 15) }, new TextPart("plain") { Text = "tail" }), limits);

        Assert.Equal("0123456789\ntail\n", message.Text);
        Assert.Equal(new UnscannableReason(ScanLimit.BodyText, "its body text is longer than 20 characters"), message.LimitExceeded);
    }

    [Fact]
    public void Read_BodyTextExactlyAtTheLimit_IsReadWhole()
    {
        var limits = new ScanLimits { MaxBodyChars = 10 };

        var message = Read(new TextPart("plain") { Text = "0123456789" }, limits);

        Assert.Equal("0123456789\n", message.Text);
        Assert.Null(message.LimitExceeded);
    }

    [Fact]
    public void Read_LimitTheLoaderFound_IsKeptBeforeAnyFoundLater()
    {
        var mime = Message(new TextPart("plain") { Text = new string('x', 50) });
        var loaderLimit = new UnscannableReason(ScanLimit.MessageSize, "it is larger than 1 KB");

        var message = ScannedMessage.Read(new ScanInput(mime) { LimitExceeded = loaderLimit }, new ScanLimits { MaxBodyChars = 10 }, TestMail.TenantId);

        Assert.Equal(loaderLimit, message.LimitExceeded);
    }

    [Fact]
    public void Read_Links_AreAbsoluteHttpOnesOnceEachFromAnchorsTextAndMarkup()
    {
        var html = new TextPart("html")
        {
            Text = "<a href=\"https://one.example/a\">one</a> <a href=\"mailto:x@y.example\">mail</a> <a href=\"https://one.example/a\">again</a>"
                + "<img src=\"http://two.example/logo.png\">",
        };
        var plain = new TextPart("plain") { Text = "See https://three.example/b or ftp://files.example/c" };

        var message = Read(new Multipart("mixed", plain, html));

        Assert.Equal(["https://one.example/a", "https://three.example/b", "http://two.example/logo.png"], message.Links.Select(l => l.OriginalString));
    }

    [Theory]
    [InlineData(0, new string[0])]
    [InlineData(1, new[] { "https://first.qr-lure.example/" })]
    [InlineData(2, new[] { "https://first.qr-lure.example/", "https://second.qr-lure.example/" })]
    public void Read_QrCodeImages_OnlyTheFirstFewAreDecoded(int maxImages, string[] links)
    {
        var body = new Multipart("mixed", new TextPart("plain") { Text = "Scan me." }, QrImage("https://first.qr-lure.example/"), QrImage("https://second.qr-lure.example/"));

        var message = Read(body, new ScanLimits { MaxQrImages = maxImages, MaxQrGlances = 0 });

        Assert.Equal(links, message.Links.Select(l => l.OriginalString));
    }

    [Fact]
    public void Read_QrCodeBehindTrackingPixels_IsDecoded()
    {
        var pixels = Enumerable.Range(0, 8).Select(_ => (MimeEntity)new MimePart("image", "gif") { FileName = "t.gif", Content = new MimeContent(new MemoryStream(OnePixelGif)) });
        var body = new Multipart("mixed", [new TextPart("plain") { Text = "Scan me." }, .. pixels, QrImage("https://first.qr-lure.example/")]);

        var message = Read(body, new ScanLimits { MaxQrImages = 1, MaxQrGlances = 0 });

        Assert.Equal(["https://first.qr-lure.example/"], message.Links.Select(l => l.OriginalString));
    }

    // Four logos ahead of the code would spend the budget were images read in the order attached.
    [Fact]
    public void Read_QrCodeAfterFourLogos_IsDecoded()
    {
        var body = new Multipart("mixed", [new TextPart("plain") { Text = "Scan me." }, .. Enumerable.Range(0, 4).Select(_ => Logo(96)), QrImage("https://first.qr-lure.example/")]);

        var message = Read(body, new ScanLimits { MaxQrGlances = 0 });

        Assert.Equal(["https://first.qr-lure.example/"], message.Links.Select(l => l.OriginalString));
    }

    // Decoys larger than the code, as many as the budget, rank ahead of it: it is read at a glance.
    [Theory]
    [InlineData(8, true)]
    [InlineData(0, false)]
    public void Read_QrCodeBehindLargerDecoys_IsReadAtAGlance(int glances, bool read)
    {
        var decoys = Enumerable.Range(0, 4).Select(_ => Logo(600));
        var body = new Multipart("mixed", [new TextPart("plain") { Text = "Scan me." }, .. decoys, QrImage("https://first.qr-lure.example/")]);

        var message = Read(body, new ScanLimits { MaxQrGlances = glances });

        Assert.Equal(read, message.Links.Any(l => l.OriginalString == "https://first.qr-lure.example/"));
    }

    [Fact]
    public void Read_QrCodeBehindMoreDecoysThanTheBudgetAndTheGlances_IsNotRead()
    {
        var decoys = Enumerable.Range(0, 3).Select(_ => Logo(600));
        var body = new Multipart("mixed", [new TextPart("plain") { Text = "Scan me." }, .. decoys, QrImage("https://first.qr-lure.example/")]);

        var message = Read(body, new ScanLimits { MaxQrImages = 2, MaxQrGlances = 1 });

        Assert.DoesNotContain(message.Links, l => l.OriginalString == "https://first.qr-lure.example/");
    }

    [Theory]
    [InlineData("<img src=\"data:image/png;base64,{0}\" alt=\"Scan\">")]
    [InlineData("<div style=\"background-image: url('data:image/png;base64,{0}'); width: 296px; height: 296px\"></div>")]
    [InlineData("<img src='data:image/png;base64,\n{0}\n'>")]
    public void Read_QrCodeInAPictureTheBodyCarries_IsALinkOutOfTheText(string picture)
    {
        var png = new QRCoder.PngByteQRCode(new QRCoder.QRCodeGenerator().CreateQrCode("https://first.qr-lure.example/", QRCoder.QRCodeGenerator.ECCLevel.M)).GetGraphic(8);
        var base64 = Convert.ToBase64String(png, Base64FormattingOptions.InsertLineBreaks);
        var html = "<html><body><p>Your parcel is held. Scan to pay the fee:</p>" + string.Format(System.Globalization.CultureInfo.InvariantCulture, picture, base64) + "</body></html>";

        var message = Read(new TextPart("html") { Text = html });

        Assert.Equal(["https://first.qr-lure.example/"], message.AttachmentLinks.Select(l => l.OriginalString));
        Assert.Empty(message.Attachments);
    }

    [Theory]
    [InlineData("invoice.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"296\" height=\"296\"><image href=\"data:image/png;base64,{0}\" width=\"296\" height=\"296\"/></svg>")]
    [InlineData("invoice.html", "text/html", "<html><body><h1>Invoice</h1><img src=\"data:image/png;base64,{0}\"></body></html>")]
    public void Read_QrCodeInAPictureAnHtmlOrSvgAttachmentCarries_IsALink(string name, string type, string document)
    {
        var png = new QRCoder.PngByteQRCode(new QRCoder.QRCodeGenerator().CreateQrCode("https://first.qr-lure.example/", QRCoder.QRCodeGenerator.ECCLevel.M)).GetGraphic(8);
        var content = System.Text.Encoding.UTF8.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, document, Convert.ToBase64String(png)));
        var attachment = new MimePart(type) { FileName = name, Content = new MimeContent(new MemoryStream(content)) };

        var message = Read(new Multipart("mixed", new TextPart("plain") { Text = "See the attached invoice." }, attachment));

        Assert.Contains("https://first.qr-lure.example/", message.AttachmentLinks.Select(l => l.OriginalString));
    }

    [Fact]
    public void Read_CodeDrawnInAnSvgPictureTheBodyCarries_IsALinkOutOfTheText()
    {
        var svg = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "QrImages", "qr-styling-dots.svg"));
        var html = $"<html><body><img src=\"data:image/svg+xml;base64,{Convert.ToBase64String(svg)}\"></body></html>";

        var message = Read(new TextPart("html") { Text = html });

        Assert.Equal(["https://parcel-redelivery.pages.dev/pay"], message.AttachmentLinks.Select(l => l.OriginalString));
    }

    [Theory]
    [InlineData("<img src=\"data:image/png;base64,not*base64\">")]
    [InlineData("<img src=\"data:image/png;base64,aGVsbG8=\">")]
    [InlineData("<p>data:image/png;base64,</p>")]
    public void Read_PictureTheBodyCarriesThatIsNoImage_AddsNothing(string picture)
    {
        var message = Read(new TextPart("html") { Text = $"<html><body>{picture}</body></html>" });

        Assert.Empty(message.AttachmentLinks);
    }

    [Fact]
    public void Read_QrCodeImagesBeyondTheBudget_TheLargestIsRead()
    {
        var body = new Multipart("mixed", new TextPart("plain") { Text = "Scan me." }, Logo(400, height: 60),
            QrImage("https://small.qr-lure.example/", pixelsPerModule: 2), QrImage("https://large.qr-lure.example/"));

        var message = Read(body, new ScanLimits { MaxQrImages = 1, MaxQrGlances = 0 });

        Assert.Equal(["https://large.qr-lure.example/"], message.Links.Select(l => l.OriginalString));
    }

    [Theory]
    [InlineData("qr-qrencode.svg")]
    [InlineData("qr-npm-qrcode.svg")]
    [InlineData("qr-qrcode-generator.svg")]
    [InlineData("qr-styling-square.svg")]
    [InlineData("qr-styling-dots.svg")]
    [InlineData("qr-styling-rounded.svg")]
    [InlineData("qr-styling-classy.svg")]
    public void Read_SvgAttachmentDrawingACode_HasWhatTheCodeSays(string file)
    {
        var message = Read(new Multipart("mixed", new TextPart("plain") { Text = "Scan me." }, SvgAttachment(file)));

        Assert.Contains("https://parcel-redelivery.pages.dev/pay", message.Links.Select(l => l.OriginalString));
    }

    [Fact]
    public void Read_SvgAttachmentDrawingACode_NoImagesLeft_IsNotRead()
    {
        var message = Read(new Multipart("mixed", new TextPart("plain") { Text = "Scan me." }, SvgAttachment("qr-qrencode.svg")), new ScanLimits { MaxQrImages = 0 });

        Assert.DoesNotContain("https://parcel-redelivery.pages.dev/pay", message.Links.Select(l => l.OriginalString));
    }

    [Fact]
    public void Read_CodeWrittenInBlockCharactersInThePlainBody_IsALinkOutOfTheText()
    {
        var code = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "QrImages", "qr-utf8.txt"));

        var message = Read(new TextPart("plain") { Text = "Your parcel is held. Scan to pay the fee:\n\n" + code });

        Assert.Equal(["https://parcel-redelivery.pages.dev/pay"], message.AttachmentLinks.Select(l => l.OriginalString));
    }

    [Fact]
    public void Read_CodeBuiltAsAnHtmlTable_IsALinkOutOfTheText()
    {
        var html = "<html><body><p>Your parcel is held. Scan to pay the fee:</p>" + Content.TableQrCodesTests.Table("<td bgcolor=\"#000\"></td>", "<td></td>") + "</body></html>";

        var message = Read(new TextPart("html") { Text = html });

        Assert.Equal(["https://parcel-redelivery.pages.dev/pay"], message.AttachmentLinks.Select(l => l.OriginalString));
    }

    [Theory]
    [InlineData("qr-qrencode.svg")]
    [InlineData("qr-npm-qrcode.svg")]
    [InlineData("qr-qrcode-generator.svg")]
    [InlineData("qr-styling-square.svg")]
    [InlineData("qr-styling-dots.svg")]
    [InlineData("qr-styling-rounded.svg")]
    [InlineData("qr-styling-classy.svg")]
    public void Read_CodeDrawnAsInlineSvgInTheBody_IsALinkOutOfTheText(string file)
    {
        var svg = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "QrImages", file));
        var html = "<html><body><p>Your parcel is held. Scan to pay the fee:</p>" + svg[svg.IndexOf("<svg", StringComparison.Ordinal)..] + "<p>Thank you</p></body></html>";

        var message = Read(new TextPart("html") { Text = html });

        Assert.Equal(["https://parcel-redelivery.pages.dev/pay"], message.AttachmentLinks.Select(l => l.OriginalString));
    }

    [Fact]
    public void Read_HtmlAttachmentsTogetherPastTheBudget_NamesTheLimitOnce()
    {
        var limits = new ScanLimits { MaxAttachmentTextBytes = 100 };
        var first = HtmlAttachment(new string('a', 60));
        var second = HtmlAttachment(new string('b', 60));

        var message = Read(new Multipart("mixed", new TextPart("plain") { Text = "See attached." }, first, second), limits);

        Assert.Equal(new UnscannableReason(ScanLimit.AttachmentText, "its HTML attachments are larger than 100 bytes together"), message.LimitExceeded);
        Assert.Equal([60, 40], message.Attachments.Select(a => a.Text.Length));
    }

    [Fact]
    public void Read_HtmlAttachmentsWithinTheBudget_AreNotALimit()
    {
        var limits = new ScanLimits { MaxAttachmentTextBytes = 120 };

        var message = Read(new Multipart("mixed", new TextPart("plain") { Text = "See attached." }, HtmlAttachment(new string('a', 60)), HtmlAttachment(new string('b', 60))), limits);

        Assert.Null(message.LimitExceeded);
        Assert.Equal([60, 60], message.Attachments.Select(a => a.Text.Length));
    }

    [Fact]
    public void Read_AttachmentWithoutContent_IsEmpty()
    {
        var message = Read(new Multipart("mixed", new TextPart("plain") { Text = "See attached." }, new MimePart("application", "pdf") { FileName = "empty.pdf" }));

        Assert.Equal(0, Assert.Single(message.Attachments).Content.Length);
    }

    [Fact]
    public void SubjectAndText_JoinsTheSubjectAndTheBodyOnTwoLinesAndFoldsDiacritics()
    {
        var mime = Message(new TextPart("plain") { Text = "Notificação importante" });
        mime.Subject = "Atenção";

        var message = ScannedMessage.Read(new ScanInput(mime), new ScanLimits(), TestMail.TenantId);

        Assert.Equal("Atenção\nNotificação importante\n", message.SubjectAndText);
        Assert.Equal("Atencao\nNotificacao importante\n", message.FoldedWording);
    }

    [Fact]
    public void FoldedWording_SubjectWordsJoinedByUnderscores_ReadApartButTheBodyKeepsItsOwn()
    {
        var mime = Message(new TextPart("plain") { Text = "Login: j_doe" });
        mime.Subject = "Your__wallet_has_been_funded";

        var message = ScannedMessage.Read(new ScanInput(mime), new ScanLimits(), TestMail.TenantId);

        Assert.Equal("Your  wallet has been funded\nLogin: j_doe\n", message.FoldedWording);
        Assert.Equal("Your__wallet_has_been_funded\nLogin: j_doe\n", message.SubjectAndText);
    }

    [Fact]
    public void Subject_Missing_IsEmpty()
    {
        var mime = Message(new TextPart("plain") { Text = "Body." });
        mime.Headers.Remove(HeaderId.Subject);

        var message = ScannedMessage.Read(new ScanInput(mime), new ScanLimits(), TestMail.TenantId);

        Assert.Equal("", message.Subject);
        Assert.Equal("\nBody.\n", message.SubjectAndText);
    }

    [Fact]
    public void Senders_AreTheFromMailboxesThenTheSender()
    {
        var mime = Message(new TextPart("plain") { Text = "Body." });
        mime.From.Add(MailboxAddress.Parse("second@partner.example"));
        mime.Sender = MailboxAddress.Parse("bulk@mailer.example");

        var message = ScannedMessage.Read(new ScanInput(mime), new ScanLimits(), TestMail.TenantId);

        Assert.Equal(["a@partner.example", "second@partner.example", "bulk@mailer.example"], message.Senders.Select(s => s.Address));
    }

    [Fact]
    public void Senders_NoSenderHeader_AreTheFromMailboxesOnly()
    {
        var message = Read(new TextPart("plain") { Text = "Body." });

        Assert.Equal(["a@partner.example"], message.Senders.Select(s => s.Address));
    }

    private static ScannedMessage Read(MimeEntity body, ScanLimits? limits = null) =>
        ScannedMessage.Read(new ScanInput(Message(body)), limits ?? new ScanLimits(), TestMail.TenantId);

    private static MimeMessage Message(MimeEntity body)
    {
        var mime = new MimeMessage { Subject = "Test", Body = body, MessageId = "test.1@partner.example", Date = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) };
        mime.From.Add(MailboxAddress.Parse("a@partner.example"));
        mime.To.Add(MailboxAddress.Parse($"alice@{TestMail.Domain}"));
        return mime;
    }

    private static MimePart QrImage(string link, int pixelsPerModule = 8) => new("image", "png")
    {
        FileName = "code.png",
        Content = new MimeContent(new MemoryStream(new QRCoder.PngByteQRCode(new QRCoder.QRCodeGenerator().CreateQrCode(link, QRCoder.QRCodeGenerator.ECCLevel.M)).GetGraphic(pixelsPerModule))),
    };

    // A brand's mark: a disc on white, no code.
    private static MimePart Logo(int width, int? height = null)
    {
        using var bitmap = new SKBitmap(width, height ?? width);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = new SKColor(0, 120, 212), IsAntialias = true };
            canvas.DrawCircle(bitmap.Width / 2f, bitmap.Height / 2f, Math.Min(bitmap.Width, bitmap.Height) / 3f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return new MimePart("image", "png") { FileName = "logo.png", Content = new MimeContent(new MemoryStream(image.Encode(SKEncodedImageFormat.Png, 100).ToArray())) };
    }

    // The smallest GIF: one transparent pixel, as mail trackers send it.
    private static readonly byte[] OnePixelGif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private static MimePart SvgAttachment(string file) => new("image", "svg+xml")
    {
        FileName = "invoice.svg",
        Content = new MimeContent(new MemoryStream(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "QrImages", file)))),
    };

    private static MimePart HtmlAttachment(string html) =>
        new("text", "html") { FileName = "page.html", Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(html))) };
}
