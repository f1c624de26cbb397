using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Attachments;
using Remediation.Core.Tests.Scanning.ModernHam;

namespace Remediation.Core.Tests.Scanning.Attachments;

public class PdfTextTests
{
    [Fact]
    public void Of_GhostscriptPage_ReadsItsLinesInOrder()
    {
        var text = PdfText.Of(Fixture("callback-ghostscript.pdf"), 10_000);

        Assert.Equal(
            "Geek Squad membership renewal\nYour membership was renewed and $399.99 has been charged.\n" +
            "If you did not authorize this renewal, call us at +1 (888) 555-0143.\nInvoice number 4471-220",
            text.Trim());
    }

    [Fact]
    public void Of_CompositeFontInAnObjectStream_ReadsWordsAndLinesByItsMapAndWidths()
    {
        var text = PdfText.Of(CompositePdf(), 10_000);

        // "Com" and "pra" are one word kerned apart; a gap of 0.3 em starts "em"; a move down starts a line.
        Assert.StartsWith("Compra em\nanálise", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_FormDrawnTwice_IsReadOnceWhereItIsDrawn()
    {
        var text = PdfText.Of(CompositePdf(), 10_000);

        Assert.Equal("Compra em análise ligue", Regex.Replace(text, @"\s+", " ").Trim());
    }

    [Fact]
    public void Of_MoreTextThanAllowed_StopsAtTheLimit()
    {
        Assert.Equal("Compra em", PdfText.Of(CompositePdf(), 9));
    }

    [Fact]
    public void CMap_RangesOnOneLineAndAsArrays_MapEachCode()
    {
        var map = PdfText.CMap("2 beginbfrange <0003> <0004> [<0020> <0041>] <000A> <000B> <0061> endbfrange");

        Assert.Equal(new Dictionary<PdfCode, string> { [new(2, 0x03)] = " ", [new(2, 0x04)] = "A", [new(2, 0x0A)] = "a", [new(2, 0x0B)] = "b" }, map);
    }

    // TCPDF maps each font as one range over every code, <0000> <FFFF> <0000>: readers count on into the byte before
    // the last, so code 0100 is U+0100, not U+0000 again.
    [Fact]
    public void CMap_RangeAcrossALastByte_CountsOnIntoTheByteBefore()
    {
        var map = PdfText.CMap("1 beginbfrange\n<00FF> <0101> <00FF>\nendbfrange\n1 beginbfrange <0001> <0002> <D83DDE00> endbfrange");

        Assert.Equal(new Dictionary<PdfCode, string>
        {
            [new(2, 0xFF)] = "ÿ", [new(2, 0x100)] = "Ā", [new(2, 0x101)] = "ā", [new(2, 0x01)] = "😀", [new(2, 0x02)] = "😁",
        }, map);
    }

    [Fact]
    public void Codes_SimpleFontWhoseMapCoversSomeLetters_ReadsTheRestAsLatin1()
    {
        var font = new PdfFont(new() { [new(1, 0x41)] = "Ä" }, 1, [], null, Readable: true);

        Assert.Equal("ÄB", string.Concat(font.Codes("AB"u8.ToArray()).Select(code => code.Letters)));
    }

    [Fact]
    public void CMap_RangeOfMoreCodesThanAFontHolds_IsLeftOut()
    {
        var map = PdfText.CMap("1 beginbfrange\n<00000000> <FFFFFFFF> <0041>\nendbfrange\n1 beginbfchar\n<0001> <00E1>\nendbfchar");

        Assert.Equal("á", Assert.Single(map).Value);
    }

    [Fact]
    public void Read_PdfBehindJunkBytes_ItsTextIsTheMessages()
    {
        var message = TestMail.Read(With([.. Enumerable.Repeat((byte)0x89, 180), .. CompositePdf()], "See the attached file."));

        Assert.Equal(FileKind.Pdf, Assert.Single(message.Attachments).Kind);
        Assert.Contains("ligue", message.DocumentText, StringComparison.Ordinal);
        Assert.Matches(@"Compra em\s+analise", message.FoldedWording);
    }

    [Fact]
    public void Read_LockedPdfWithoutItsPassword_GivesNoText()
    {
        var locked = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "LockedPdf", "aes-256.pdf"));

        Assert.Equal("", TestMail.Read(With(locked, "Your statement is attached.")).DocumentText);
    }

    [Fact]
    public void Scan_OrdinaryInvoiceInAPdf_StaysClean()
    {
        var verdict = ModernHamSet.Engine.Scan(new ScanInput(With(Fixture("invoice-ghostscript.pdf"), "Your invoice is attached.")));

        Assert.Equal(VerdictBand.Clean, verdict.Band);
    }

    [Theory]
    [InlineData("/Widths [{0}]")]
    [InlineData("/Widths 3 0 R")]
    public void Of_SimpleFontWithWidthsFromItsFirstCode_PlacesWordsByThem(string widths)
    {
        var evenWidths = string.Join(" ", Enumerable.Repeat("500", 95));
        var pdf = OnePagePerStream(
            $"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 {string.Format(System.Globalization.CultureInfo.InvariantCulture, widths, evenWidths)} >>",
            $"3 0 obj [{evenWidths}] endobj",
            "BT /F1 10 Tf 0 0 Td (Cus) Tj 15 0 Td (tomer) Tj 28 0 Td (Care) Tj ET");

        Assert.Equal("Customer Care", PdfText.Of(pdf, 10_000).Trim());
    }

    [Fact]
    public void Of_CompositeFontWithoutDefaultWidth_TakesAThousandthsEach()
    {
        var cmap = "1 beginbfchar\n<0001> <0041>\nendbfchar\n1 beginbfchar\n<0002> <0042>\nendbfchar";
        var pdf = OnePagePerStream(
            "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
            $"4 0 obj << /Type /Font /Subtype /CIDFontType2 >> endobj\n5 0 obj << /Length {cmap.Length} >>\nstream\n{cmap}\nendstream endobj",
            "BT /F1 10 Tf 0 0 Td <0001> Tj 10 0 Td <0002> Tj 13 0 Td <0001> Tj ET");

        Assert.Equal("AB A", PdfText.Of(pdf, 10_000).Trim());
    }

    [Fact]
    public void Of_CompositeFontWithoutAMap_WritesNothing()
    {
        var pdf = OnePagePerStream("<< /Type /Font /Subtype /Type0 /Encoding /Identity-H >>", "", "BT /F1 10 Tf <0041> Tj ET");

        Assert.Equal("", PdfText.Of(pdf, 10_000).Trim());
    }

    [Fact]
    public void Of_Pages_AreReadInOrderEachOnItsLines()
    {
        var pdf = OnePagePerStream("<< /Type /Font /Subtype /Type1 >>", "", "BT /F1 10 Tf (one) Tj ET", "BT /F1 10 Tf (two) Tj ET");

        Assert.Equal("one\ntwo\n", PdfText.Of(pdf, 10_000));
        Assert.Equal("one", PdfText.Of(pdf, 3));
    }

    [Theory]
    [InlineData("[1 [600 500 500] 10 12 550]", "1:600 2:500 3:500 10:550 11:550 12:550")]
    [InlineData("[1.5 [600] 3 [700]]", "3:700")]
    [InlineData("[10 5 500 7 [300]]", "7:300")]
    [InlineData("[0 65536 500]", "")]
    [InlineData("[4 [", "")]
    public void CidWidths_BothFormsOfTheArray_GiveEachCodesWidth(string array, string expected)
    {
        var widths = PdfText.CidWidths(array);

        Assert.Equal(expected, string.Join(" ", widths.OrderBy(w => w.Key).Select(w => $"{w.Key}:{w.Value}")));
    }

    [Fact]
    public void CidWidths_RangesOfMoreCodesThanAFontHolds_StopAtItsSize()
    {
        var widths = PdfText.CidWidths("[0 65535 500 70000 70001 600]");

        Assert.Equal(65_536, widths.Count);
        Assert.False(widths.ContainsKey(70_000));
    }

    [Fact]
    public void Numbers_SimpleFontsWidths_AreItsNumbersWithoutBrackets()
    {
        Assert.Equal(new[] { 250, 500.5, -3, 0 }, PdfText.Numbers("[250 500.5 -3 1" + new string('0', 400) + "]"));
        Assert.Empty(PdfText.Numbers(null));
    }

    [Theory]
    [InlineData("/ToUnicode 3 0 R", "(AB) Tj", "ÄB")]
    [InlineData("/FirstChar 65 /Widths [500]", "(AB) Tj 5 0 Td (C) Tj", "ABC")]
    [InlineData("", "(Hel) Tj 1 0 Td (lo) Tj", "Hel lo")]
    public void Of_SimpleFont_ReadsItsMapAndItsWidthsWhereItGivesThem(string keys, string content, string expected)
    {
        const string cmap = "1 beginbfchar\n<41> <00C4>\nendbfchar";
        var pdf = OnePagePerStream(
            $"<< /Type /Font /Subtype /Type1 {keys} >>", $"3 0 obj << /Length {cmap.Length} >>\nstream\n{cmap}\nendstream endobj",
            $"BT /F1 10 Tf 0 0 Td {content} ET");

        Assert.Equal(expected, PdfText.Of(pdf, 10_000).Trim());
    }

    [Fact]
    public void Of_CompositeFontWithCodesOfOneAndTwoBytes_TakesItsLongestCodeForACodeItDoesNotMap()
    {
        const string cmap = "1 beginbfchar\n<41> <0058>\nendbfchar\n1 beginbfchar\n<0102> <0059>\nendbfchar";
        var pdf = OnePagePerStream(
            "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /ToUnicode 3 0 R >>",
            $"3 0 obj << /Length {cmap.Length} >>\nstream\n{cmap}\nendstream endobj",
            "BT /F1 10 Tf <41 0102 5A5A> Tj ET");

        Assert.Equal("XY", PdfText.Of(pdf, 10_000).Trim());
    }

    // Pages under one parent that gives them the font F1, each page drawing one of the streams.
    private static byte[] OnePagePerStream(string font, string objects, params string[] pages)
    {
        var pdf = new StringBuilder("%PDF-1.7\n")
            .Append($"1 0 obj << /Type /Pages /Resources << /Font << /F1 2 0 R >> >> /Count {pages.Length} >> endobj\n")
            .Append($"2 0 obj {font} endobj\n{objects}\n");
        for (var i = 0; i < pages.Length; i++)
        {
            pdf.Append($"{10 + i} 0 obj << /Type /Page /Parent 1 0 R /Contents {20 + i} 0 R >> endobj\n")
                .Append($"{20 + i} 0 obj << /Length {pages[i].Length} >>\nstream\n{pages[i]}\nendstream endobj\n");
        }
        return Encoding.Latin1.GetBytes(pdf.Append("%%EOF\n").ToString());
    }

    internal static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "PdfText", name));

    internal static MimeMessage With(byte[] pdf, string text)
    {
        var body = new BodyBuilder { TextBody = text };
        body.Attachments.Add("document.pdf", pdf, new ContentType("application", "octet-stream"));
        return new MimeMessage { Subject = "Document", Body = body.ToMessageBody() };
    }

    // A page in the shape modern writers give it, written by hand: its resources inherited from the page tree, a
    // composite font (Identity-H) whose codes its /ToUnicode map spells and whose widths its CID font gives, both in
    // an object stream, and a form the page draws twice.
    private static byte[] CompositePdf()
    {
        static string Codes(string text) => "<" + string.Concat(text.Select(c => c switch
        {
            'C' => "0001",
            'á' => "0003",
            _ => (0x0A + (c - 'a')).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
        })) + ">";
        var cmap = "begincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n2 beginbfchar\n<0001> <0043>\n<0003> <00E1>\nendbfchar\n" +
            "1 beginbfrange\n<000A> <0023> <0061>\nendbfrange\nendcmap";
        var page = $"BT /F1 12 Tf 72 700 Td [{Codes("Com")} -20 {Codes("pra")} -300 {Codes("em")}] TJ 0 -16 Td {Codes("análise")} Tj ET /Fm1 Do /Fm1 Do";
        var form = $"BT /F1 10 Tf 72 600 Td {Codes("ligue")} Tj ET";
        string[] packed =
        [
            "<</Type/Font/Subtype/Type0/BaseFont/Sans/Encoding/Identity-H/DescendantFonts[5 0 R]/ToUnicode 6 0 R>>",
            "<</Type/Font/Subtype/CIDFontType2/BaseFont/Sans/W[1[600 500 500]10 35 550]/DW 1000>>",
        ];
        var header = $"4 0 5 {packed[0].Length + 1} ";
        var objectStream = header + packed[0] + " " + packed[1];
        var pdf = new StringBuilder("%PDF-1.7\n")
            .Append("1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n")
            .Append("2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1/Resources<</Font<</F1 4 0 R>>/XObject<</Fm1 8 0 R>>>>>>\nendobj\n")
            .Append("3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 7 0 R>>\nendobj\n")
            .Append($"6 0 obj\n<</Length {cmap.Length}>>\nstream\n{cmap}\nendstream\nendobj\n")
            .Append($"7 0 obj\n<</Length {page.Length}>>\nstream\n{page}\nendstream\nendobj\n")
            .Append($"8 0 obj\n<</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Length {form.Length}>>\nstream\n{form}\nendstream\nendobj\n")
            .Append($"9 0 obj\n<</Type/ObjStm/N 2/First {header.Length}/Length {objectStream.Length}>>\nstream\n{objectStream}\nendstream\nendobj\n")
            .Append("trailer\n<</Root 1 0 R>>\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
