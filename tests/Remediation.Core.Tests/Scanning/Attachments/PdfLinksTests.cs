using System.IO.Compression;
using System.Text;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

public class PdfLinksTests
{
    [Theory]
    [InlineData("/URI (https://a.example/x)")]
    [InlineData("/URI(https://a.example/x)")]
    [InlineData("/URI \r\n (https://a.example/x)")]
    public void In_UriActionAsWritten_IsItsTarget(string action)
    {
        Assert.Equal(["https://a.example/x"], PdfLinks.In(Pdf($"<< /S /URI {action} >>"), 1000));
    }

    [Fact]
    public void In_SeveralActions_EachInTheOrderWritten()
    {
        var pdf = Pdf("<< /URI (https://a.example/1) >> << /URI (mailto:b@example.org) >> << /URI (https://c.example/3) >>");

        Assert.Equal(["https://a.example/1", "mailto:b@example.org", "https://c.example/3"], PdfLinks.In(pdf, 1000));
    }

    [Fact]
    public void In_UriKeyWithoutAString_IsSkipped()
    {
        var pdf = Pdf("<< /S /URI /Next (not a target) >> << /URI (https://a.example/x) >> /URI");

        Assert.Equal(["https://a.example/x"], PdfLinks.In(pdf, 1000));
    }

    [Fact]
    public void In_UnterminatedString_EndsTheSearchKeepingWhatCameBefore()
    {
        var pdf = Pdf("<< /URI (https://a.example/x) >> << /URI (https://b.example/never-closed");

        Assert.Equal(["https://a.example/x"], PdfLinks.In(pdf, 1000));
    }

    [Fact]
    public void In_UriKeyAtTheVeryEnd_HasNoTarget()
    {
        Assert.Empty(PdfLinks.In(Encoding.Latin1.GetBytes("%PDF-1.7 /URI  "), 1000));
    }

    [Fact]
    public void In_LatinOneBytes_AreReadAsLatinOne()
    {
        var pdf = new byte[] { 0x2F, 0x55, 0x52, 0x49, 0x28, 0x68, 0xE9, 0x29 };

        Assert.Equal(["h\u00E9"], PdfLinks.In(pdf, 1000));
    }

    [Fact]
    public void In_CompressedStreams_TheLinksOfEach()
    {
        var pdf = Concat(
            Pdf("<< /URI (https://plain.example/) >>"),
            Stream(Deflate("<< /URI (https://first.example/) >>")),
            Stream(Deflate("<< /URI (https://second.example/) >>"), "\r\n"));

        Assert.Equal(["https://plain.example/", "https://first.example/", "https://second.example/"], PdfLinks.In(pdf, 1000));
    }

    [Fact]
    public void In_StreamThatIsNotFlate_IsSkipped()
    {
        var pdf = Concat(Stream(Encoding.Latin1.GetBytes("raw image bytes")), Stream(Deflate("/URI (https://after.example/)")));

        Assert.Equal(["https://after.example/"], PdfLinks.In(pdf, 1000));
    }

    [Fact]
    public void In_StreamWithoutItsEnd_IsNotInflated()
    {
        var pdf = Concat(Encoding.Latin1.GetBytes("%PDF-1.7\nstream\n"), Deflate("/URI (https://hidden.example/)"));

        Assert.Empty(PdfLinks.In(pdf, 1000));
    }

    [Fact]
    public void In_StreamThatInflatesPastTheBudget_IsReadOnlyToTheBudget()
    {
        var target = "/URI (https://late.example/)";
        var pdf = Stream(Deflate(new string(' ', 100) + target));

        Assert.Empty(PdfLinks.In(pdf, 100 + target.Length - 1));
        Assert.Equal(["https://late.example/"], PdfLinks.In(pdf, 100 + target.Length));
    }

    [Fact]
    public void In_BudgetSpentByEarlierStreams_LaterStreamsAreNotInflated()
    {
        var first = "/URI (https://first.example/)";
        var pdf = Concat(Stream(Deflate(first)), Stream(Deflate("/URI (https://second.example/)")));

        Assert.Equal(["https://first.example/"], PdfLinks.In(pdf, first.Length));
        Assert.Equal(["https://first.example/", "https://second.example/"], PdfLinks.In(pdf, first.Length + 30));
    }

    [Fact]
    public void In_NoBudget_OnlyTheLinksAsWritten()
    {
        var pdf = Concat(Pdf("/URI (https://plain.example/)"), Stream(Deflate("/URI (https://packed.example/)")));

        Assert.Equal(["https://plain.example/"], PdfLinks.In(pdf, 0));
    }

    [Fact]
    public void In_LargeStreamWithinTheBudget_IsInflatedWhole()
    {
        var target = "/URI (https://end.example/)";
        var pdf = Stream(Deflate(new string(' ', 3 << 20) + target));

        Assert.Equal(["https://end.example/"], PdfLinks.In(pdf, 4 << 20));
    }

    [Fact]
    public void In_EmptyTarget_IsKeptAsEmpty()
    {
        Assert.Equal(["", "https://a.example/x"], PdfLinks.In(Pdf("/URI() /URI(https://a.example/x)"), 1000));
    }

    [Fact]
    public void In_StreamAtTheVeryStart_IsInflated()
    {
        var pdf = Concat(Encoding.Latin1.GetBytes("stream\n"), Deflate("/URI (https://first.example/)"), Encoding.Latin1.GetBytes("\nendstream"));

        Assert.Equal(["https://first.example/"], PdfLinks.In(pdf, 1000));
    }

    [Fact]
    public void In_EmptyStreamBeforeAnother_TheOtherIsStillInflated()
    {
        var pdf = Concat(Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj <<>> streamendstream\n"), Stream(Deflate("/URI (https://second.example/)")));

        Assert.Equal(["https://second.example/"], PdfLinks.In(pdf, 1000));
    }

    // A picture inflates to megabytes and holds no link; the annotations come after it, in the object stream.
    [Theory]
    [InlineData("/Subtype /Image")]
    [InlineData("/Width 2560/Subtype/Image/Height 678")]
    [InlineData("/Subtype\r\n/Image")]
    public void In_ImageStreamBeforeTheLinks_IsNotInflated(string subtype)
    {
        var pixels = Deflate(new string('\0', 5000) + "/URI (https://in-pixels.example/)");
        var pdf = Concat(Stream(pixels, dictionary: $"<< {subtype} /Filter /FlateDecode >>"), Stream(Deflate("/URI (https://annotation.example/)")));

        Assert.Equal(["https://annotation.example/"], PdfLinks.In(pdf, 1000));
    }

    // Only the stream's own dictionary says what it is: a page's "/ProcSet [/ImageC]" or an earlier image object does not.
    [Fact]
    public void In_StreamAfterAnImageObjectOrAProcSet_IsInflated()
    {
        var before = Encoding.Latin1.GetBytes("%PDF-1.7\n3 0 obj << /Subtype /Image /Width 1 >>\nendobj\n4 0 obj << /ProcSet [/PDF /ImageC] >>\nendobj\n");
        var pdf = Concat(before, Stream(Deflate("/URI (https://annotation.example/)"), dictionary: "<< /Type /ObjStm /Subtype /Imagery /Filter /FlateDecode >>"));

        Assert.Equal(["https://annotation.example/"], PdfLinks.In(pdf, 1000));
    }

    // The reference's own example ("Man " is "9jqo^"), a zero group, a short last group, and the end mark.
    [Theory]
    [InlineData("9jqo^~>", "Man ")]
    [InlineData("9jq\no^ z 9jqo~>", "Man \0\0\0\0Man")]
    [InlineData("9jqo^~>9jqo^", "Man ")]
    [InlineData("", "")]
    public void Ascii85_DecodesToItsEnd(string encoded, string expected)
    {
        Assert.Equal(expected, Encoding.Latin1.GetString(PdfLinks.Ascii85(Encoding.Latin1.GetBytes(encoded))));
    }

    internal static byte[] Deflate(string text)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal)) zlib.Write(Encoding.Latin1.GetBytes(text));
        return output.ToArray();
    }

    private static byte[] Pdf(string objects) => Encoding.Latin1.GetBytes($"%PDF-1.7\n{objects}\n%%EOF\n");

    private static byte[] Stream(byte[] body, string lineEnd = "\n", string dictionary = "<< /Filter /FlateDecode >>") =>
        Concat(Encoding.Latin1.GetBytes($"1 0 obj {dictionary}\nstream{lineEnd}"), body, Encoding.Latin1.GetBytes($"{lineEnd}endstream\nendobj\n"));

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
