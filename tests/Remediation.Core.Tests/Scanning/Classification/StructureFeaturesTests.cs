using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class StructureFeaturesTests
{
    [Fact]
    public void Add_PlainTextMessage_MarksItsTypeCharsetAndEncoding()
    {
        var sut = Of("""
            From: a@b.example
            Subject: hi
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Short note.
            """);

        Assert.True(sut.Has('t', "text"));
        Assert.True(sut.Has('t', "plain"));
        Assert.True(sut.Has('t', "iso"));
        Assert.True(sut.Has('t', "8859"));
        Assert.True(sut.Has('#', "part:text/plain"));
        Assert.True(sut.Has('#', "charset:iso-8859-1"));
        Assert.True(sut.Has('#', "text-encoding:QuotedPrintable"));
        Assert.True(sut.Has('#', "short"));
        Assert.False(sut.Has('#', "html"));
        Assert.False(sut.Has('#', "html-only"));
        Assert.Equal(8, sut.Count);
    }

    [Fact]
    public void Add_HtmlOnly_MarksItAndItsMarkup()
    {
        var sut = Of("""
            From: a@b.example
            Subject: hi
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            PHA+PGZvbnQgY29sb3I9InJlZCI+SGk8L2ZvbnQ+PC9wPg==
            """);

        Assert.True(sut.Has('#', "html-only"));
        Assert.True(sut.Has('#', "html-encoding:Base64"));
        Assert.True(sut.Has('#', "<font"));
        Assert.True(sut.Has('#', "<font@color"));
        Assert.True(sut.Has('#', "<p"));
        Assert.False(sut.Has('#', "html"));
    }

    [Fact]
    public void Add_HtmlWithAPlainAlternative_IsHtmlNotHtmlOnly()
    {
        var sut = Of("""
            From: a@b.example
            Subject: hi
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b1"

            --b1
            Content-Type: text/plain; charset=us-ascii

            Hi
            --b1
            Content-Type: text/html; charset=us-ascii

            <p>Hi</p>
            --b1--
            """);

        Assert.True(sut.Has('#', "html"));
        Assert.False(sut.Has('#', "html-only"));
        Assert.True(sut.Has('t', "multipart"));
        Assert.True(sut.Has('t', "alternative"));
        Assert.True(sut.Has('#', "part:text/plain"));
        Assert.True(sut.Has('#', "part:text/html"));
        Assert.True(sut.Has('#', "charset:us-ascii"));
        Assert.True(sut.Has('#', "text-encoding:Default"));
        Assert.True(sut.Has('#', "html-encoding:Default"));
    }

    [Fact]
    public void Add_Attachment_MarksItsPartAndExtension()
    {
        var sut = Of("""
            From: a@b.example
            Subject: hi
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=us-ascii

            See attached.
            --b1
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="Invoice.EXE"
            Content-Transfer-Encoding: base64

            TVo=
            --b1--
            """);

        Assert.True(sut.Has('#', "attachment:exe"));
        Assert.True(sut.Has('#', "part:application/octet-stream"));
        Assert.False(sut.Has('#', "charset:"));
    }

    [Theory]
    [InlineData(198, true)]
    [InlineData(199, false)]
    public void Add_TextUnderTwoHundredCharacters_IsShort(int length, bool isShort)
    {
        var sut = Of($"From: a@b.example\nSubject: hi\nContent-Type: text/plain\n\n{new string('x', length)}");

        Assert.Equal(isShort, sut.Has('#', "short"));
    }

    private static Features Of(string mime)
    {
        var message = TestMail.Read(TestMail.Parse(mime));
        return Features.Of(v => StructureFeatures.Add(message, v));
    }
}
