using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning.Content;

public class RemoteFileUrlTests
{
    [Theory]
    [InlineData("see file://fileserver/share/invoice.lnk now", "file://fileserver/share/invoice.lnk")]
    [InlineData("FILE://Server/Share", "FILE://Server/Share")]
    [InlineData(@"open file:///\\fileserver\share\run.exe", @"file:///\\fileserver\share\run.exe")]
    [InlineData("open file:////fileserver/share/run.exe", "file:////fileserver/share/run.exe")]
    [InlineData(@"open file://\\fileserver\share", @"file://\\fileserver\share")]
    [InlineData(@"open file://\fileserver\share", @"file://\fileserver\share")]
    [InlineData("file://C", "file://C")]
    [InlineData("file://localhostile.example/x", "file://localhostile.example/x")]
    [InlineData("file://localhost1/x", "file://localhost1/x")]
    [InlineData("file://localhost_x/x", "file://localhost_x/x")]
    [InlineData("file://localhost\u0301/x", "file://localhost\u0301/x")]
    [InlineData("file://localhost\u0903/x", "file://localhost\u0903/x")]
    [InlineData("file://localhost\u200C/x", "file://localhost\u200C/x")]
    [InlineData("file://localhost\u200D/x", "file://localhost\u200D/x")]
    public void FirstIn_FileUrlOfAnotherMachine_IsFoundToTheEndOfItsToken(string text, string expected)
    {
        Assert.Equal(expected, RemoteFileUrl.FirstIn(text));
    }

    [Theory]
    [InlineData("<a href=\"file://host/share/x.lnk\">", "file://host/share/x.lnk")]
    [InlineData("<a href='file://host/share/x.lnk'>", "file://host/share/x.lnk")]
    [InlineData("<file://host/share/x.lnk>", "file://host/share/x.lnk")]
    [InlineData("file://host/share/x.lnk\tnext", "file://host/share/x.lnk")]
    [InlineData("file://host/share/x.lnk\r\nnext", "file://host/share/x.lnk")]
    [InlineData("(file://host/share/x.lnk)", "file://host/share/x.lnk)")]
    public void FirstIn_TokenEnds_AtSpaceQuoteOrAngleBracket(string text, string expected)
    {
        Assert.Equal(expected, RemoteFileUrl.FirstIn(text));
    }

    [Theory]
    [InlineData("file:///C:/Windows/notepad.exe")]
    [InlineData("file://c:/Windows/notepad.exe")]
    [InlineData("file://localhost/etc/hosts")]
    [InlineData("file://LOCALHOST")]
    [InlineData("file://localhost:8080/x")]
    [InlineData("file://localhost.")]
    [InlineData("file:/host/share")]
    [InlineData("file:")]
    [InlineData("file://")]
    [InlineData("file:///")]
    [InlineData("file:// host")]
    [InlineData("file:/// host")]
    [InlineData("file://\"host\"")]
    [InlineData("no link here")]
    [InlineData("")]
    public void FirstIn_LocalFileOrNoFileUrl_IsNull(string text)
    {
        Assert.Null(RemoteFileUrl.FirstIn(text));
    }

    [Fact]
    public void FirstIn_LocalThenRemote_IsTheRemoteOne()
    {
        Assert.Equal("file://evil.example/b", RemoteFileUrl.FirstIn("file:///C:/a then file://localhost/c then file://evil.example/b and file://other.example/d"));
    }

    [Fact]
    public void FirstIn_SchemeRepeated_JudgesEachFromItsOwnStart()
    {
        Assert.Equal("file://host/x", RemoteFileUrl.FirstIn("file:file://host/x"));
    }
}
