using System.Text;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning.Content;

public class HtmlBodyTests
{
    [Fact]
    public void Read_Markup_TextWithBlockElementsSpaced()
    {
        var read = Read("a<br>b<td>c</td><li>d<tr>e<div>f</div><p>g<b>h</b></p><span>i</span>");

        Assert.Equal("a b c  d e f  gh i", read.Text);
    }

    [Fact]
    public void Read_HeadTitleStyleAndScript_AreNotText()
    {
        var read = Read("<html><head><title>Title</title><style>p { color: red }</style></head><body>Hello<script>var a = 'x';</script> there</body></html>");

        Assert.Equal("Hello there", read.Text);
    }

    [Fact]
    public void Read_StrayEndOfAHiddenElement_HidesNothing()
    {
        var read = Read("</style>visible <style>hidden</style> again");

        Assert.Equal("visible  again", read.Text);
    }

    [Fact]
    public void Read_SelfClosedScript_HidesNothing()
    {
        var read = Read("<script src=\"x.js\"/>visible");

        Assert.Equal("visible", read.Text);
    }

    [Fact]
    public void Read_CData_IsNotText()
    {
        var read = Read("<div>shown<![CDATA[not shown]]></div>");

        Assert.DoesNotContain("not shown", read.Text, StringComparison.Ordinal);
        Assert.Contains("shown", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Links_HrefAsWrittenAndTextAsShown()
    {
        var read = Read("Go <a href=\" https://a.example/x \"> Click  <b>here</b> </a> now");

        Assert.Equal([new Anchor("https://a.example/x", "Click  here")], read.Anchors);
        Assert.Equal("Go  Click  here  now", read.Text);
    }

    [Fact]
    public void Read_LinkLeftOpenBeforeTheNext_EndsThere()
    {
        var read = Read("<a href=\"https://one.example/\">one<a href=\"https://two.example/\">two</a> after");

        Assert.Equal([new Anchor("https://one.example/", "one"), new Anchor("https://two.example/", "two")], read.Anchors);
    }

    [Fact]
    public void Read_LinkNeverClosed_EndsWithTheBody()
    {
        var read = Read("<p><a href=\"https://one.example/\">one</p>");

        Assert.Equal([new Anchor("https://one.example/", "one")], read.Anchors);
    }

    [Fact]
    public void Read_LinkWithoutHref_IsNoAnchor()
    {
        var read = Read("<a name=\"top\">top</a> and <a href=\"https://one.example/\">one</a>");

        Assert.Equal([new Anchor("https://one.example/", "one")], read.Anchors);
        Assert.Equal("top and one", read.Text);
    }

    [Fact]
    public void Read_HiddenTextInALink_IsNotItsText()
    {
        var read = Read("<a href=\"https://one.example/\"><style>.x{}</style>one</a>");

        Assert.Equal([new Anchor("https://one.example/", "one")], read.Anchors);
    }

    [Fact]
    public void Read_TextAfterALink_IsNotItsText()
    {
        var read = Read("<a href=\"https://one.example/\">one</a> two <a href=\"https://three.example/\">three</a>");

        Assert.Equal([new Anchor("https://one.example/", "one"), new Anchor("https://three.example/", "three")], read.Anchors);
    }

    [Fact]
    public void Read_AreaAndFormTargets_AreAnchorsWithoutText()
    {
        var read = Read("<map><area href=\"https://area.example/\" action=\"https://no.example/\"></map><form action=\" https://form.example/post \" href=\"https://no.example/\"><input></form><form></form><area>");

        Assert.Equal([new Anchor("https://area.example/", ""), new Anchor("https://form.example/post", "")], read.Anchors);
    }

    [Fact]
    public void Read_Images_AltAndTitleTextWhenThere()
    {
        var read = Read("<img src=\"logo.png\" alt=\"Microsoft\" title=\"Sign in\"><img alt=\"\" title=\"\"><img src=\"x.png\"><img title=\"Bank\"></img>");

        Assert.Equal(["Microsoft", "Sign in", "Bank"], read.ImageText);
    }

    [Fact]
    public void Read_TagsAndAttributes_EachNamedOnceInLowerCase()
    {
        var read = Read("<DIV Class=\"a\" id=\"b\"><div style=\"x\"><A HREF=\"h\">x</A></div></DIV><br/>");

        Assert.True(read.Markup.SetEquals(["div", "div@class", "div@id", "a", "a@href", "br"]), string.Join(", ", read.Markup));
    }

    private static (string Text, List<Anchor> Anchors, HashSet<string> Markup, List<string> ImageText) Read(string html)
    {
        var text = new StringBuilder();
        var anchors = new List<Anchor>();
        var markup = new HashSet<string>();
        var imageText = new List<string>();
        HtmlBody.Read(html, text, anchors, markup, imageText);
        return (text.ToString(), anchors, markup, imageText);
    }
}
