using System.Text;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

public class PdfObjectsTests
{
    [Theory]
    [InlineData("<< /Resources << /Font << /F1 5 0 R >> >> /Count 1 >>", "Resources", "<< /Font << /F1 5 0 R >> >>")]
    [InlineData("<< /Kids [3 0 R [4 0 R] 6 0 R] /Count 1 >>", "Kids", "[3 0 R [4 0 R] 6 0 R]")]
    [InlineData("<< /Count 12/Kids [3 0 R] >>", "Count", "12")]
    [InlineData("<< /BaseFont/Helvetica>>", "BaseFont", "/Helvetica")]
    [InlineData("<< /FontFile2 9 0 R /FontFile 8 0 R >>", "FontFile", "<< /Subtype /Type1C >>")]
    [InlineData("<< /Parent 8 0 R >>", "Parent", "<< /Subtype /Type1C >>")]
    [InlineData("<< /Dict << /Open", "Dict", "<< /Open")]
    [InlineData("<< /Last    ", "Last", "")]
    public void Value_KeysValue_IsTheWholeValueWithReferencesFollowed(string dictionary, string key, string expected)
    {
        var objects = Objects("8 0 obj << /Subtype /Type1C >> endobj");

        Assert.Equal(expected, objects.Value(dictionary, key));
    }

    [Theory]
    [InlineData("<< /Parent 8 0 R >>", "Parent", "8 0 R")]
    [InlineData("<< /Contents [7 0 R 9 0 R] >>", "Contents", "[7 0 R 9 0 R]")]
    [InlineData("<< /Width 5 >>", "Widths", null)]
    [InlineData("<< /Parent 99 0 R >>", "Parent", "99 0 R")]
    public void Written_KeysValue_IsAsWritten(string dictionary, string key, string? expected)
    {
        Assert.Equal(expected, PdfObjects.Written(dictionary, key));
    }

    [Fact]
    public void Value_ReferenceToAnObjectTheFileDoesNotHave_IsNull()
    {
        Assert.Null(Objects("1 0 obj << >> endobj").Value("<< /Parent 99 0 R >>", "Parent"));
    }

    [Fact]
    public void References_ValuesReferences_AreTheirNumbersInOrder()
    {
        Assert.Equal(new[] { 7, 9, 12 }, PdfObjects.References("[7 0 R 9 0 R 12 3 R]"));
        Assert.Equal(new[] { ("F1", 5), ("F2", 6) }, PdfObjects.Entries("<< /F1 5 0 R /F2 6 0 R /Size 3 >>"));
    }

    [Fact]
    public void Body_ObjectDefinedAgainByAnUpdate_IsTheLaterOne()
    {
        var objects = Objects("3 0 obj << /Version 1 >> endobj\n3 0 obj << /Version 2 >> endobj");

        Assert.Equal("<< /Version 2 >>", objects.Body(3)!.Trim());
    }

    [Fact]
    public void Body_ObjectWithoutItsEnd_EndsWhereTheNextBegins()
    {
        var objects = Objects("3 0 obj << /A 1 >>\n4 0 obj << /B 2 >> endobj");

        Assert.Equal("<< /A 1 >>", objects.Body(3)!.Trim());
        Assert.Equal("<< /B 2 >>", objects.Body(4)!.Trim());
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void StreamData_AfterItsLineEnd_IsTheDataUpToEndstream(string lineEnd)
    {
        var objects = Objects($"5 0 obj << /Length 5 >>stream{lineEnd}(hi) Tj\nendstream endobj");

        Assert.Equal("(hi) Tj\n", Encoding.Latin1.GetString(objects.StreamData(5)));
    }

    [Fact]
    public void StreamData_WithoutEndstream_RunsToTheObjectsEnd()
    {
        var objects = Objects("5 0 obj << /Length 5 >>\nstream\n(hi) Tj\nendobj");

        Assert.Equal("(hi) Tj\n", Encoding.Latin1.GetString(objects.StreamData(5)));
    }

    [Fact]
    public void StreamData_ObjectThatIsNoStream_IsEmpty()
    {
        var objects = Objects("5 0 obj << /Type /Page >> endobj");

        Assert.Empty(objects.StreamData(5));
        Assert.Empty(objects.StreamData(6));
    }

    [Fact]
    public void StreamData_FlateStream_IsInflated()
    {
        var objects = PdfObjects.Of([.. "%PDF-1.7\n5 0 obj << /Filter /FlateDecode >>\nstream\n"u8, .. Deflated("BT (hi) Tj ET"), .. "\nendstream endobj"u8]);

        Assert.Equal("BT (hi) Tj ET", Encoding.Latin1.GetString(objects.StreamData(5)));
    }

    [Theory]
    [InlineData("<< /Length 5 >>\nstream\nxx", "<< /Length 5 >>\n")]
    [InlineData("<< /Title (a stream of words) >>\nstream\nxx", "<< /Title (a stream of words) >>\n")]
    [InlineData("<< /Type /Page >>", "<< /Type /Page >>")]
    public void Dictionary_ObjectsBody_IsItUpToItsStream(string body, string expected)
    {
        Assert.Equal(expected, PdfObjects.Dictionary(body));
    }

    [Fact]
    public void Of_ObjectStream_ItsObjectsAreReadFromFirstOn()
    {
        const string packed = "<< /Type /Font >> << /Type /Page >> ";
        const string header = "11 0 12 18 ";
        var objects = Objects($"9 0 obj << /Type /ObjStm /N 2 /First {header.Length} >>\nstream\n{header}{packed}\nendstream endobj");

        Assert.Equal("<< /Type /Font >>", objects.Body(11)!.Trim());
        Assert.Equal("<< /Type /Page >>", objects.Body(12)!.Trim());
    }

    [Theory]
    [InlineData("/N 1", "<< /Type /Font >>", null)]
    [InlineData("/N 0", null, null)]
    [InlineData("/N 2 /First 999", null, null)]
    public void Of_ObjectStreamCountingFewerObjectsOrPointingPastItsData_ReadsOnlyWhatItHolds(string keys, string? first, string? second)
    {
        const string header = "11 0 12 18 ";
        var firstKey = keys.Contains("/First", StringComparison.Ordinal) ? "" : $" /First {header.Length}";
        var objects = Objects($"9 0 obj << /Type /ObjStm {keys}{firstKey} >>\nstream\n{header}<< /Type /Font >> << /Type /Page >> \nendstream endobj");

        Assert.Equal(first, objects.Body(11)?.Trim());
        Assert.Equal(second, objects.Body(12)?.Trim());
    }

    [Theory]
    [InlineData("11 20 12 2 13 9 ", null, "/A 1 >", "> << /B 2 >> << /C 3 >>")]
    [InlineData("11 0 12 90 13 95 ", null, null, null)]
    public void Of_ObjectStreamWithOffsetsOutOfOrderOrPastItsData_SkipsTheObjectsTheyCannotHold(string header, string? eleven, string? twelve, string? thirteen)
    {
        var objects = Objects($"9 0 obj << /Type /ObjStm /N 3 /First {header.Length} >>\nstream\n{header}<< /A 1 >> << /B 2 >> << /C 3 >>\nendstream endobj");

        Assert.Equal(eleven, objects.Body(11)?.Trim());
        Assert.Equal(twelve, objects.Body(12)?.Trim());
        Assert.Equal(thirteen, objects.Body(13)?.Trim());
    }

    private static PdfObjects Objects(string body) => PdfObjects.Of(Encoding.Latin1.GetBytes("%PDF-1.7\n" + body + "\n%%EOF\n"));

    private static byte[] Deflated(string text)
    {
        using var output = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Optimal)) zlib.Write(Encoding.Latin1.GetBytes(text));
        return output.ToArray();
    }
}
