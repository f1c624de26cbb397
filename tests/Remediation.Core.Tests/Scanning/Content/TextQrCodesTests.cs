using System.Net;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning.Content;

public sealed class TextQrCodesTests
{
    private const string Code = "https://parcel-redelivery.pages.dev/pay";

    [Theory]
    [InlineData("qr-utf8.txt")]
    [InlineData("qr-ascii.txt")]
    public void In_CodeWrittenInText_IsRead(string file)
    {
        var text = "Dear customer,\r\nscan the code below to reschedule:\r\n\r\n" + Fixture(file) + "\r\nThank you.";

        Assert.True(TextQrCodes.MayHoldOne(text));
        Assert.Equal([Code], TextQrCodes.In(text));
    }

    [Fact]
    public void In_CodeLaidOutInAnHtmlPage_IsReadFromItsLines()
    {
        var lines = Fixture("qr-utf8.txt").TrimEnd('\n').Split('\n').Select(line => WebUtility.HtmlEncode(line).Replace(" ", "&nbsp;", StringComparison.Ordinal));
        var html = "<html><body><p>Scan to pay:</p><div style=\"font-family:monospace;line-height:1\">\n" + string.Join("<br>\n", lines) + "</div></body></html>";

        Assert.Equal([Code], TextQrCodes.In(TextQrCodes.LinesOf(html)));
    }

    [Theory]
    [InlineData("Meeting at 10. Progress: ██████████░░░░ 70 %\nRegards")]
    [InlineData("# Release notes\n## Fixes\n#######################\n")]
    public void MayHoldOne_OrdinaryText_IsFalse(string text)
    {
        Assert.False(TextQrCodes.MayHoldOne(text));
    }

    [Fact]
    public void In_LinesOfBlocksThatAreNoCode_AreNothing()
    {
        var banner = string.Join("\n", Enumerable.Range(0, 14).Select(i => new string('█', 30 - i) + new string(' ', i)));

        Assert.Empty(TextQrCodes.In(banner));
    }

    private static string Fixture(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "QrImages", file));
}
