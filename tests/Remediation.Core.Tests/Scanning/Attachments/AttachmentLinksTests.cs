using System.IO.Compression;
using System.Text;
using MimeKit;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Scanning.Attachments;

/// <summary>Links a lure hides in an attachment reach the link rules like links in the body.</summary>
public class AttachmentLinksTests
{
    private const string Target = "https://login.lure-host.example/verify";

    [Fact]
    public void Read_PdfWithAPlainLinkAnnotation_HasItsTarget()
    {
        var pdf = Encoding.Latin1.GetBytes($"%PDF-1.7\n1 0 obj << /Type /Annot /Subtype /Link /A << /S /URI /URI ({Target}) >> >> endobj\n%%EOF\n");

        Assert.Contains(Target, Hosts(With("invoice.pdf", "application/pdf", pdf)));
    }

    [Fact]
    public void Read_PdfWithTheLinkInACompressedObjectStream_HasItsTarget()
    {
        var pdf = Encoding.Latin1.GetBytes("%PDF-1.7\n5 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n")
            .Concat(Deflate($"<< /Type /Annot /Subtype /Link /A << /S /URI /URI({Target}) >> >>"))
            .Concat(Encoding.Latin1.GetBytes("\nendstream\nendobj\n%%EOF\n")).ToArray();

        Assert.Contains(Target, Hosts(With("statement.pdf", "application/pdf", pdf)));
    }

    [Theory]
    [InlineData("voicemail.html", "text/html", "<html><body><a href=\"" + Target + "\">Play</a></body></html>")]
    [InlineData("logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"" + Target + "\"><text>Open</text></a></svg>")]
    [InlineData("invite.ics", "text/calendar", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION:Join at " + Target + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")]
    public void Read_TextAttachmentWithALink_HasIt(string name, string type, string content)
    {
        Assert.Contains(Target, Hosts(With(name, type, Encoding.UTF8.GetBytes(content))));
    }

    [Fact]
    public void Read_ImageWithAQrCode_HasTheCodesLink()
    {
        var png = new QRCoder.PngByteQRCode(new QRCoder.QRCodeGenerator().CreateQrCode(Target, QRCoder.QRCodeGenerator.ECCLevel.M)).GetGraphic(8);

        Assert.Contains(Target, Hosts(With("scan-me.png", "image/png", png)));
    }

    [Fact]
    public void Read_PdfWhosePageIsAQrCode_HasTheCodesLink()
    {
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "PdfQr", "qr-jpeg.pdf"));

        Assert.Contains("https://parcel-redelivery.pages.dev/pay", Hosts(With("redelivery.pdf", "application/pdf", pdf)));
    }

    [Fact]
    public void Read_LockedPdfWhosePageIsAQrCode_HasTheCodesLinkOnceOpenedWithTheGivenPassword()
    {
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "PdfQr", "qr-flate-aes-256.pdf"));
        var mime = With("redelivery.pdf", "application/pdf", pdf);
        ((TextPart)mime.BodyParts.First()).Text = "Your parcel is waiting. Password: 7310";

        Assert.Contains("https://parcel-redelivery.pages.dev/pay", Hosts(mime));
    }

    [Fact]
    public void Read_PdfImagesBeyondTheMessagesImageBudget_AreNotDecoded()
    {
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "PdfQr", "qr-1bit.pdf"));
        var limits = new ScanLimits { MaxQrImages = 0 };

        var links = ScannedMessage.Read(new ScanInput(With("redelivery.pdf", "application/pdf", pdf)), limits, TestMail.TenantId).Links;

        Assert.DoesNotContain(links, l => l.Host == "parcel-redelivery.pages.dev");
    }

    [Fact]
    public void Read_CodeSentLargerThanThePixelsHeld_IsRead()
    {
        // 4,810 pixels square, 23 million: a 26 KB file that scans on a phone like a small one.
        var png = new QRCoder.PngByteQRCode(new QRCoder.QRCodeGenerator().CreateQrCode(Target, QRCoder.QRCodeGenerator.ECCLevel.M)).GetGraphic(130);

        var links = ScannedMessage.Read(new ScanInput(With("scan-me.png", "image/png", png)), new ScanLimits(), TestMail.TenantId).Links;

        Assert.Contains(links, l => l.OriginalString == Target);
    }

    [Theory]
    [InlineData("qr.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("qr.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("qr.odt", "application/vnd.oasis.opendocument.text")]
    public void Read_DocumentWhosePictureIsACode_HasWhatTheCodeSays(string file, string type)
    {
        var document = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "OfficeQr", file));

        var message = ScannedMessage.Read(new ScanInput(With(file, type, document)), new ScanLimits(), TestMail.TenantId);

        Assert.Contains(message.AttachmentLinks, l => l.OriginalString == "https://parcel-redelivery.pages.dev/pay");
        Assert.Single(message.Attachments);
    }

    [Fact]
    public void Read_ArchiveWithAPictureOutsideADocumentsMediaFolder_IsNotUnpacked()
    {
        var png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "QrImages", "qr-palette.png"));
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("photos/code.png").Open();
            entry.Write(png);
        }

        var message = ScannedMessage.Read(new ScanInput(With("photos.zip", "application/zip", zip.ToArray())), new ScanLimits(), TestMail.TenantId);

        Assert.Empty(message.AttachmentLinks);
    }

    [Fact]
    public void Read_ImageTooLargeToDecode_IsSkipped()
    {
        var png = new QRCoder.PngByteQRCode(new QRCoder.QRCodeGenerator().CreateQrCode(Target, QRCoder.QRCodeGenerator.ECCLevel.M)).GetGraphic(8);
        var limits = new ScanLimits { MaxQrImageSourcePixels = 100 };

        var links = ScannedMessage.Read(new ScanInput(With("scan-me.png", "image/png", png)), limits, TestMail.TenantId).Links;

        Assert.DoesNotContain(links, l => l.OriginalString == Target);
    }

    [Fact]
    public void Read_ImageAttachment_AddsNoLinks()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(Encoding.ASCII.GetBytes(Target)).ToArray();

        Assert.DoesNotContain(Target, Hosts(With("photo.png", "image/png", png)));
    }

    private static IEnumerable<string> Hosts(MimeMessage mime) => TestMail.Read(mime).Links.Select(l => l.OriginalString);

    private static MimeMessage With(string name, string type, byte[] content)
    {
        var mime = new MimeMessage { Subject = "Document" };
        mime.From.Add(MailboxAddress.Parse("sender@partner.example"));
        mime.To.Add(MailboxAddress.Parse($"alice@{TestMail.Domain}"));
        var body = new BodyBuilder { TextBody = "See the attachment." };
        body.Attachments.Add(name, content, ContentType.Parse(type));
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static byte[] Deflate(string text)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal)) zlib.Write(Encoding.Latin1.GetBytes(text));
        return output.ToArray();
    }
}
