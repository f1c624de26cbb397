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
    [InlineData("qr-reportlab.pdf")]
    [InlineData("qr-cairo.pdf")]
    [InlineData("qr-ghostscript.pdf")]
    [InlineData("qr-stroked-runs.pdf")]
    [InlineData("qr-path-per-module.pdf")]
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

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void In_CodeDrawnModuleByModule_ReadsItThroughTheTransform(bool lightOnDark, bool besideABanner)
    {
        // Flipped as cairo writes pages, moved, and scaled; uncompressed; the modules in RGB.
        var modules = new QRCoder.QRCodeGenerator().CreateQrCode(Code, QRCoder.QRCodeGenerator.ECCLevel.M).ModuleMatrix;
        var drawing = new System.Text.StringBuilder("q 1 0 0 -1 0 842 cm q 1 0 0 1 100 150 cm 2.5 0 0 2.5 0 0 cm\n");
        // A dark banner of whole modules beside the code, as wide as it and not square with it.
        if (besideABanner) drawing.Append($"0 0 0 rg {modules.Count + 2} 0 {modules.Count} 10 re f\n");
        if (lightOnDark) drawing.Append($"0 0 0 rg 0 0 {modules.Count} {modules.Count} re f 1 1 1 rg\n");
        else drawing.Append("0.1 0.1 0.2 rg\n");
        for (var y = 0; y < modules.Count; y++)
        {
            for (var x = 0; x < modules.Count; x++)
            {
                if (modules[y][x] != lightOnDark) drawing.Append($"{x} {y} 1 1 re\n");
            }
        }
        drawing.Append("f Q Q\n");
        var pdf = System.Text.Encoding.Latin1.GetBytes($"%PDF-1.7\n4 0 obj << /Length {drawing.Length} >>\nstream\n{drawing}endstream\nendobj\n%%EOF\n");
        var imagesLeft = 4;

        Assert.Equal([Code], PdfQrCodes.In(pdf, ref imagesLeft, Pixels));
        Assert.Equal(3, imagesLeft);
    }

    [Fact]
    public void In_DocumentOfShadedTableRows_IsNoCodeAndTakesNothingFromTheBudget()
    {
        var imagesLeft = 4;

        Assert.Empty(PdfQrCodes.In(Load("invoice-table.pdf"), ref imagesLeft, Pixels));
        Assert.Equal(4, imagesLeft);
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
