using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

/// <summary>QR codes in PDFs written by ImageMagick and by hand; see TestData/PdfQr.</summary>
public sealed class PdfQrCodesTests
{
    private const string Code = "https://parcel-redelivery.pages.dev/pay";
    private const int Pixels = 4_000_000;

    [Theory]
    [InlineData("qr-flate.pdf")]
    [InlineData("qr-jpeg.pdf")]
    [InlineData("qr-1bit.pdf")]
    [InlineData("qr-predictor.pdf")]
    public void In_PdfWhosePageIsACode_ReadsIt(string file)
    {
        var imagesLeft = 4;

        var codes = PdfQrCodes.In(Load(file), ref imagesLeft, Pixels);

        Assert.Equal([Code], codes);
        Assert.True(imagesLeft < 4);
    }

    [Fact]
    public void In_NoImagesLeft_DecodesNothing()
    {
        var imagesLeft = 0;

        Assert.Empty(PdfQrCodes.In(Load("qr-flate.pdf"), ref imagesLeft, Pixels));
    }

    [Fact]
    public void In_ImageLargerThanThePixelCap_IsNotInflated()
    {
        var imagesLeft = 4;

        Assert.Empty(PdfQrCodes.In(Load("qr-predictor.pdf"), ref imagesLeft, maxPixels: 296 * 295));
        Assert.Equal(4, imagesLeft);
    }

    [Fact]
    public void In_ManyImagesOfNoUse_EachInflatedTakesOneFromTheBudget()
    {
        var junk = string.Concat(Enumerable.Range(1, 50).Select(n =>
            $"{n} 0 obj << /Type /XObject /Subtype /Image /Width 100 /Height 100 /Filter /FlateDecode >>\nstream\nnot flate at all\nendstream\nendobj\n"));
        var pdf = System.Text.Encoding.Latin1.GetBytes($"%PDF-1.7\n{junk}%%EOF\n").Concat(Load("qr-1bit.pdf")).ToArray();
        var imagesLeft = 4;

        Assert.Empty(PdfQrCodes.In(pdf, ref imagesLeft, Pixels));
        Assert.Equal(0, imagesLeft);
    }

    [Fact]
    public void In_ImagesTooSmallToHoldACode_TakeNothingFromTheBudget()
    {
        var pixels = string.Concat(Enumerable.Range(1, 50).Select(n =>
            $"{n} 0 obj << /Type /XObject /Subtype /Image /Width 1 /Height 1 /Filter /FlateDecode >>\nstream\nnot flate at all\nendstream\nendobj\n"));
        var pdf = System.Text.Encoding.Latin1.GetBytes($"%PDF-1.7\n{pixels}%%EOF\n").Concat(Load("qr-1bit.pdf")).ToArray();
        var imagesLeft = 1;

        Assert.Equal([Code], PdfQrCodes.In(pdf, ref imagesLeft, Pixels));
    }

    [Fact]
    public void In_LockedPdf_ReadsNothingUntilOpened()
    {
        var locked = Load("qr-flate-aes-256.pdf");
        var imagesLeft = 4;
        Assert.Empty(PdfQrCodes.In(locked, ref imagesLeft, Pixels));

        var opened = PdfDecryption.Open(locked, "7310");

        Assert.NotNull(opened);
        Assert.Equal([Code], PdfQrCodes.In(opened, ref imagesLeft, Pixels));
    }

    private static byte[] Load(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "PdfQr", file));
}
