using System.Text;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

/// <summary>
/// The text state a content stream sets, read far enough to place words and lines: each case moves the next string by
/// exactly what the state says the last one took, or by a little more, and checks the break that follows.
/// </summary>
public class PdfTextReaderTests
{
    // Every letter 500 thousandths of the size wide: at size 10, "Cus" is 15 across.
    private static readonly PdfFont Even = new(null, 1, Enumerable.Range(32, 95).ToDictionary(code => code, _ => 500.0), 0, Readable: true);

    [Theory]
    [InlineData("BT /F1 10 Tf 0 0 Td (Cus) Tj 15 0 Td (tomer) Tj ET", "Customer")]
    [InlineData("BT /F1 10 Tf 0 0 Td (Cus) Tj 18 0 Td (tomer) Tj ET", "Cus tomer")]
    [InlineData("BT /F1 10 Tf 2 Tc 0 0 Td (Cus) Tj 21 0 Td (tomer) Tj ET", "Customer")]
    [InlineData("BT /F1 10 Tf 50 Tz 0 0 Td (Cus) Tj 7.5 0 Td (tomer) Tj ET", "Customer")]
    [InlineData("BT /F1 10 Tf 10 Tw 0 0 Td (a b) Tj 25 0 Td (c) Tj ET", "a bc")]
    [InlineData("BT /F1 20 Tf 0 0 Td (Cus) Tj 30 0 Td (tomer) Tj ET", "Customer")]
    public void Read_StringWhereTheLastOneEnded_ContinuesItsWord(string content, string expected)
    {
        Assert.Equal(expected, Read(content, Even));
    }

    [Theory]
    [InlineData("BT /F1 10 Tf 0 0 Td (Cus) Tj 17 0 Td (tomer) Tj ET", "Customer")]
    [InlineData("BT /F1 10 Tf 0 0 Td (Dear) Tj 23 0 Td (Customer) Tj ET", "Dear Customer")]
    [InlineData("BT /F1 10 Tf 0 0 Td (Dear) Tj 0 -12 Td (Customer) Tj ET", "Dear\nCustomer")]
    [InlineData("BT /F1 10 Tf 0 0 Td (Dear) Tj 0 -4 Td (Customer) Tj ET", "DearCustomer")]
    public void Read_GapOfAFifthOfTheSizeOrAMoveOfHalfOfIt_BreaksTheWordOrTheLine(string content, string expected)
    {
        Assert.Equal(expected, Read(content, Even));
    }

    [Theory]
    [InlineData("BT /F1 10 Tf 14 TL (one) Tj T* (two) Tj ET")]
    [InlineData("BT /F1 10 Tf 14 TL (one) Tj (two) ' ET")]
    [InlineData("BT /F1 10 Tf 14 TL (one) Tj 0 0 (two) \" ET")]
    [InlineData("BT /F1 10 Tf 0 -14 TD (one) Tj T* (two) Tj ET")]
    [InlineData("BT /F1 10 Tf 1 0 0 1 72 700 Tm (one) Tj 1 0 0 1 72 686 Tm (two) Tj ET")]
    public void Read_EveryWayOfStartingTheNextLine_BreaksTheLine(string content)
    {
        Assert.Equal("one\ntwo", Read(content, Even));
    }

    [Fact]
    public void Read_WordSpacingOfTheQuoteOperator_CountsAsTheSpacesWidth()
    {
        // '"' sets word and character spacing before it shows its string: "a b" takes 5 + (5 + 10) + 5.
        Assert.Equal("a bc", Read("BT /F1 10 Tf 14 TL 10 0 (a b) \" 25 0 Td (c) Tj ET", Even));
    }

    [Fact]
    public void Read_TextMatrixThatDoublesTheHeight_KeepsALineOfTwiceTheSize()
    {
        // At size 10 drawn twice as tall a line is 20 high: a move of 8 is within it.
        Assert.Equal("one two", Read("BT /F1 10 Tf 1 0 0 2 0 700 Tm (one) Tj 1 0 0 2 40 692 Tm (two) Tj ET", Even));
    }

    [Theory]
    [InlineData("[(Hel) -200 (lo)] TJ", "Hello")]
    [InlineData("[(Hello) -250 (World)] TJ", "Hello World")]
    [InlineData("(Hel) Tj 40 0 Td (lo) Tj", "Hel lo")]
    public void Read_FontWithoutWidths_BreaksOnlyOnAWideGapOrAMove(string content, string expected)
    {
        Assert.Equal(expected, Read($"BT /F1 10 Tf {content} ET", PdfFont.Unknown));
    }

    [Theory]
    [InlineData("BT /F1 10 Tf 0 0 Td [(Cus) 0 (tomer)] TJ ET", "Customer")]
    [InlineData("BT /F1 10 Tf 0 0 Td [(Cus) -300 (tomer)] TJ ET", "Cus tomer")]
    [InlineData("BT /F1 10 Tf 50 Tz 0 0 Td [(Cus) -300 (tomer)] TJ ET", "Customer")]
    public void Read_ArrayAdjustments_MoveByThousandthsOfTheSize(string content, string expected)
    {
        // -300 at size 10 is 3 across, over a fifth of the size; scaled by half it is 1.5, under it.
        Assert.Equal(expected, Read(content, Even));
    }

    [Theory]
    [InlineData("% (hidden) Tj\n(shown) Tj", "shown")]
    [InlineData("<5368 6F776E> Tj", "Shown")]
    [InlineData("<< /MCID 0 >> BDC (shown) Tj EMC", "shown")]
    [InlineData("BI /W 1 /H 1 /BPC 8 /CS /G ID (x) Tj EI (shown) Tj", "shown")]
    [InlineData("/Span<</ActualText(y)>>BDC(shown)Tj EMC", "shown")]
    [InlineData("(shown)Tj/F1 10 Tf(too)Tj", "showntoo")]
    public void Read_WhatIsNotAStringShown_IsNotText(string content, string expected)
    {
        Assert.Equal(expected, Read($"BT /F1 10 Tf 0 0 Td {content} ET", PdfFont.Unknown).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UnclosedHexString_TakesTheRestOfTheStream()
    {
        Assert.Equal("shown", Read("BT /F1 10 Tf (shown) Tj <4869 Tj", PdfFont.Unknown));
    }

    [Fact]
    public void Read_InlineImageWithoutItsEnd_SkipsTheRest()
    {
        Assert.Equal("", Read("BT /F1 10 Tf BI /W 1 ID (hidden) Tj", PdfFont.Unknown));
    }

    [Fact]
    public void Read_FormDrawn_IsDrawnByName()
    {
        var drawn = new List<string>();

        Read("q /Fm1 Do Q /Im0 Do Do", PdfFont.Unknown, drawn.Add);

        Assert.Equal(new[] { "Fm1", "Im0" }, drawn);
    }

    [Fact]
    public void Read_FontNotInTheResources_ReadsItsCodesAsLatin1()
    {
        Assert.Equal("Olá", Read("BT /F9 10 Tf (Ol\\341) Tj ET", Even));
    }

    [Fact]
    public void Read_MoreTextThanAllowed_StopsAtTheLimit()
    {
        var text = new StringBuilder();

        new PdfTextReader(new() { ["F1"] = Even }, text, 3, _ => { }).Read("BT /F1 10 Tf (one) Tj (two) Tj ET");

        Assert.Equal("one", text.ToString());
    }

    [Fact]
    public void Codes_TwoByteFontWithoutAMap_SpellsNothingButKeepsEachCode()
    {
        var font = new PdfFont(null, 2, [], 1000, Readable: false);

        Assert.Equal(new[] { (0x0041, ""), (0x0142, "") }, font.Codes([0x00, 0x41, 0x01, 0x42]));
    }

    [Fact]
    public void Codes_TwoByteMap_TakesTwoBytesPerCode()
    {
        var font = new PdfFont(new() { [new(2, 0x0041)] = "A", [new(2, 0x0142)] = "ł" }, 2, [], 1000, Readable: true);

        Assert.Equal(new[] { (0x0041, "A"), (0x0142, "ł"), (0x0999, "") }, font.Codes([0x00, 0x41, 0x01, 0x42, 0x09, 0x99]));
    }

    [Fact]
    public void Codes_ReadableOneByteFontWithoutAMap_IsLatin1()
    {
        Assert.Equal(new[] { (0x4F, "O"), (0xE1, "á") }, PdfFont.Unknown.Codes([0x4F, 0xE1]));
    }

    private static string Read(string content, PdfFont font, Action<string>? drawForm = null)
    {
        var text = new StringBuilder();
        new PdfTextReader(new() { ["F1"] = font }, text, 10_000, drawForm ?? (_ => { })).Read(content);
        return text.ToString();
    }
}
