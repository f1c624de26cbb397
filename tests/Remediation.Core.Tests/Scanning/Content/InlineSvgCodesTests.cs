using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning.Content;

public sealed class InlineSvgCodesTests
{
    [Fact]
    public void MayHoldOne_BodyWithoutSvg_IsFalse()
    {
        Assert.False(InlineSvgCodes.MayHoldOne("<p>Your <b>parcel</b> is on its way.</p><img src=\"cid:logo\">"));
    }

    [Fact]
    public void In_LogoAndBrokenMarkup_IsNothing()
    {
        const string html = "<SVG width=20><circle r=5 /></svg><p>x</p><svg><rect width=1 height=1 fill=#000></svg><svg><rect width='1'";

        Assert.True(InlineSvgCodes.MayHoldOne(html));
        Assert.Empty(InlineSvgCodes.In(html, 4_000_000));
    }
}
