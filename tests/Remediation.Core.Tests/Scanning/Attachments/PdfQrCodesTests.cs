using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

/// <summary>QR codes in PDFs written by ImageMagick and by hand; see TestData/PdfQr.</summary>
public sealed class PdfQrCodesTests
{
    private const string Code = "https://parcel-redelivery.pages.dev/pay";
    private static readonly ScanLimits Pixels = new();

    [Theory]
    [InlineData("qr-flate.pdf")]
    [InlineData("qr-jpeg.pdf")]
    [InlineData("qr-1bit.pdf")]
    [InlineData("qr-predictor.pdf")]
    [InlineData("qr-reportlab.pdf")]
    [InlineData("qr-cairo.pdf")]
    [InlineData("qr-ghostscript.pdf")]
    [InlineData("qr-ghostscript-ccitt.pdf")]
    [InlineData("qr-ghostscript-inline.pdf")]
    [InlineData("qr-stroked-runs.pdf")]
    [InlineData("qr-path-per-module.pdf")]
    [InlineData("qr-ghostscript-dots.pdf")]
    [InlineData("qr-ghostscript-dots-full.pdf")]
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

        Assert.Empty(PdfQrCodes.In(Load("qr-predictor.pdf"), ref imagesLeft, new ScanLimits { MaxQrImageSourcePixels = 296 * 295 }));
        Assert.Equal(4, imagesLeft);
    }

    [Theory]
    [InlineData("qr-predictor.pdf")]
    [InlineData("qr-1bit.pdf")]
    [InlineData("qr-ghostscript-ccitt.pdf")]
    public void In_ImageLargerThanThePixelsHeld_IsReadAtEverySecondPixel(string file)
    {
        // Each image is 296 pixels square, eight a module: read at every second pixel, four a module.
        var limits = new ScanLimits { MaxQrImagePixels = 148 * 148 };
        var imagesLeft = 4;

        Assert.Equal([Code], PdfQrCodes.In(Load(file), ref imagesLeft, limits));
        Assert.Equal(3, imagesLeft);
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

    [Theory]
    [InlineData("/W {0} /H {0} /IM true", "raw")]
    [InlineData("/W {0} /H {0} /BPC 1 /CS /G /F /AHx", "hex")]
    [InlineData("/W {0} /H {0} /BPC 8 /CS /RGB /F [/A85 /Fl]", "ascii85-flate")]
    [InlineData("/Width {0} /Height {0} /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode /L {1}", "flate-with-length")]
    public void In_CodeWrittenInlineInThePage_ReadsIt(string dictionary, string encoding)
    {
        // One pixel a module, quiet zone included, drawn a page wide.
        var modules = new QRCoder.QRCodeGenerator().CreateQrCode(Code, QRCoder.QRCodeGenerator.ECCLevel.M).ModuleMatrix;
        var size = modules.Count;
        var data = encoding switch
        {
            "raw" => Bits(modules, dark: false),
            "hex" => System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(Bits(modules, dark: false)) + ">"),
            "ascii85-flate" => Ascii85(Deflated([.. Gray(modules).SelectMany(g => new[] { g, g, g })])),
            _ => Deflated(Gray(modules)),
        };
        var head = System.Text.Encoding.Latin1.GetBytes($"q 200 0 0 200 100 400 cm\nBI {string.Format(System.Globalization.CultureInfo.InvariantCulture, dictionary, size, data.Length)} ID\n");
        var content = head.Concat(data).Concat("\nEI Q\n"u8.ToArray()).ToArray();
        var pdf = System.Text.Encoding.Latin1.GetBytes($"%PDF-1.7\n4 0 obj << /Length {content.Length} >>\nstream\n")
            .Concat(content).Concat("endstream\nendobj\n%%EOF\n"u8.ToArray()).ToArray();
        var imagesLeft = 4;

        Assert.Equal([Code], PdfQrCodes.In(pdf, ref imagesLeft, Pixels));
        Assert.Equal(3, imagesLeft);
    }

    [Fact]
    public void In_InlineImagesTooSmallToHoldACode_TakeNothingFromTheBudget()
    {
        var dots = string.Concat(Enumerable.Repeat("BI /W 1 /H 1 /BPC 8 /CS /G ID \u0000 EI\n", 50));
        var pdf = System.Text.Encoding.Latin1.GetBytes($"%PDF-1.7\n4 0 obj << /Length {dots.Length} >>\nstream\n{dots}endstream\nendobj\n%%EOF\n")
            .Concat(Load("qr-ghostscript-inline.pdf")).ToArray();
        var imagesLeft = 1;

        Assert.Equal([Code], PdfQrCodes.In(pdf, ref imagesLeft, Pixels));
    }

    [Theory]
    [InlineData("qr-ghostscript-ccitt.pdf", 296)]
    [InlineData("qr-ghostscript-inline.pdf", 37)]
    public void In_FaxCodedImageLargerThanThePixelCap_IsNotDecoded(string file, int side)
    {
        var imagesLeft = 4;

        Assert.Empty(PdfQrCodes.In(Load(file), ref imagesLeft, new ScanLimits { MaxQrImageSourcePixels = (side * side) - 1 }));
        Assert.Equal(4, imagesLeft);
    }

    [Fact]
    public void In_FaxCodedImageOfBrokenData_ReadsNothingAndTakesOneFromTheBudget()
    {
        var broken = System.Text.Encoding.Latin1.GetBytes(
            "%PDF-1.7\n4 0 obj << /Subtype /Image /Width 296 /Height 296 /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 296 >> >>\nstream\n\u00ff\u0000\u00ff\u0013 not fax at all\nendstream\nendobj\n%%EOF\n");
        var imagesLeft = 4;

        Assert.Empty(PdfQrCodes.In(broken, ref imagesLeft, Pixels));
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

    // Dark modules as 0 bits (black in gray, painted by a stencil mask), rows padded to whole bytes.
    private static byte[] Bits(List<System.Collections.BitArray> modules, bool dark)
    {
        var row = (modules.Count + 7) / 8;
        var bits = new byte[row * modules.Count];
        for (var y = 0; y < modules.Count; y++)
        {
            for (var x = 0; x < modules.Count; x++)
            {
                if (modules[y][x] == dark) bits[(y * row) + (x / 8)] |= (byte)(0x80 >> (x % 8));
            }
        }
        return bits;
    }

    private static byte[] Gray(List<System.Collections.BitArray> modules) =>
        [.. modules.SelectMany(row => Enumerable.Range(0, modules.Count).Select(x => row[x] ? (byte)0 : (byte)255))];

    private static byte[] Deflated(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Optimal)) zlib.Write(data);
        return output.ToArray();
    }

    private static byte[] Ascii85(byte[] data)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < data.Length; i += 4)
        {
            var group = data.Skip(i).Take(4).ToArray();
            var value = group.Concat(new byte[4 - group.Length]).Aggregate(0u, (sum, b) => (sum << 8) | b);
            var digits = new char[5];
            for (var d = 4; d >= 0; d--, value /= 85) digits[d] = (char)('!' + (value % 85));
            text.Append(digits, 0, group.Length + 1);
        }
        return System.Text.Encoding.ASCII.GetBytes(text.Append("~>").ToString());
    }

    private static byte[] Load(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "PdfQr", file));
}
