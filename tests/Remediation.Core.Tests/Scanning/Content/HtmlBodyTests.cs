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

    [Theory]
    [InlineData("<div style=\"display:none\">filler</div>")]
    [InlineData("<span style=\"DISPLAY: None !important\">filler</span>")]
    [InlineData("<p style=\"visibility:hidden\">filler</p>")]
    [InlineData("<font style=\"font-size:0px;\">filler</font>")]
    [InlineData("<span style=\"color:red;font-size:0\">filler</span>")]
    [InlineData("<div style=\"opacity:0; color:#000\">filler</div>")]
    [InlineData("<div style=\"max-height:0;overflow:hidden\">filler</div>")]
    [InlineData("<div style=\"display:none\"><table><tr><td><b>fil</b>ler</td></tr></table></div>")]
    public void Read_TextAnInlineStyleHides_IsHiddenText(string hiding)
    {
        var read = Read($"Shown {hiding} after");

        Assert.Equal("Shown after", string.Join(' ', read.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("filler", read.HiddenText.Replace(" ", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<div style=\"font-size:0.5px\">small</div>")]
    [InlineData("<div style=\"font-size:10px\">small</div>")]
    [InlineData("<div style=\"opacity:0.8\">small</div>")]
    public void Read_StyleThatShowsTheText_IsText(string html)
    {
        var read = Read(html);

        Assert.Contains("small", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EndOfAnOuterElement_ClosesTheHiddenOneLeftOpenInside()
    {
        var read = Read("<table><tr><td><div style=\"display:none\">filler</td></tr></table>shown<br><img src=\"x\">too");

        Assert.Equal("filler", read.HiddenText.Trim());
        Assert.Contains("shown", read.Text, StringComparison.Ordinal);
        Assert.Contains("too", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StrayEndTag_ClosesNothing()
    {
        var read = Read("<div style=\"display:none\">filler</span></p> more filler</div>shown");

        Assert.Equal("shown", read.Text.Trim());
        Assert.Contains("more filler", read.HiddenText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img style=\"display:none\" src=\"x.png\">shown")]
    [InlineData("<br style=\"display:none\">shown")]
    [InlineData("<wbr style=\"display:none\">shown")]
    [InlineData("<span style=\"display:none\"/>shown")]
    public void Read_HiddenElementThatHoldsNothing_HidesNothingAfterIt(string html)
    {
        var read = Read(html);

        Assert.Equal("shown", read.Text.Trim());
        Assert.Empty(read.HiddenText);
    }

    [Theory]
    [InlineData("<x-note style=\"display:none\">filler</x-note>shown")]
    [InlineData("<x-note style=\"display:none\">filler</x-other> filler</x-note>shown")]
    public void Read_ElementsOfUnknownName_CloseByTheirOwnName(string html)
    {
        var read = Read(html);

        Assert.Equal("shown", read.Text.Trim());
        Assert.DoesNotContain("shown", read.HiddenText, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestingDeeperThanTracked_CountsAsSeen()
    {
        var read = Read(string.Concat(Enumerable.Repeat("<div>", 300)) + "<div style=\"display:none\">deep</div>" + string.Concat(Enumerable.Repeat("</span>", 1000)) + "<div style=\"display:none\">hid</div>");

        Assert.Contains("deep", read.Text, StringComparison.Ordinal);
        Assert.Equal("hid", read.HiddenText);
    }

    [Fact]
    public void Read_ImageSources_AsWrittenInOrder()
    {
        var read = Read("<p>Hi<img src=\" https://i.imgur.com/a.png \" alt=\"a\"><img alt=\"no source\"><IMG SRC=\"//cdn.example/b.gif\"><img src=\"\"></p>");

        Assert.Equal(["https://i.imgur.com/a.png", "//cdn.example/b.gif"], read.ImageSources);
    }

    [Theory]
    [InlineData("<style>.farBelow { margin-top: 380000px; /* out of sight */ }</style><a href=\"https://x.example/\">Claim</a><div class=\"farBelow\">filler</div>", "margin-top: 380000px")]
    [InlineData("<style>.page{height:1500vh} .gap{flex-grow:900}</style><div class=\"main page\">Claim<div class=\"gap\"></div>filler</div>", "height:1500vh")]
    [InlineData("<p>Claim</p><div style=\"position:relative;top:99999px\">filler</div>", "top:99999px")]
    [InlineData("<table style=\"min-height: 12000.5px\"><tr><td>filler</td></tr></table>", "min-height: 12000.5px")]
    public void Read_ElementPlacedOutOfView_ReturnsItsDeclarationAndKeepsItsText(string html, string declaration)
    {
        var read = Read(html);

        Assert.Equal(declaration, read.OutOfView);
        // A tall box holds what is shown as well as what is pushed away, so its text still counts as seen.
        Assert.Contains("filler", read.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<style>.farBelow { margin-top: 380000px; }</style><div class=\"below\">no element takes the class</div>")]
    [InlineData("<div style=\"position:absolute;top:-99999px;left:-9999px\">preheader</div>")]
    [InlineData("<div style=\"line-height:20000px;max-height:99999px;margin-top:9999px;height:999vh\">text</div>")]
    [InlineData("<div class=\"farBelow\">the class is styled later</div><style>.farBelow { margin-top: 380000px }</style>")]
    [InlineData("<p>.farBelow { margin-top: 380000px }</p><div class=\"farBelow\">a style sheet written as text styles nothing</div>")]
    [InlineData("<title>.farBelow { margin-top: 380000px }</title><div class=\"farBelow\">a title styles nothing</div>")]
    [InlineData("<style>p { color: red }</style><script>var css = '.farBelow { margin-top: 380000px }';</script><div class=\"farBelow\">a script styles nothing</div>")]
    public void Read_NothingPlacedFarBelow_ReturnsNull(string html)
    {
        Assert.Null(Read(html).OutOfView);
    }

    [Fact]
    public void Read_ElementWithTwoOutOfViewClasses_ReturnsTheFirstClassesDeclaration()
    {
        var read = Read("<style>.down { top: 20000px } .tall { height: 3000vh }</style><div class=\"down tall\">filler</div>");

        Assert.Equal("top: 20000px", read.OutOfView);
    }

    [Fact]
    public void Read_StyleSheetOfManyClasses_LooksAtTheFirstSixtyFour()
    {
        // A sheet of generated classes costs no more than its first 64 out-of-view rules.
        var sheet = string.Concat(Enumerable.Range(0, 65).Select(i => $".c{i} {{ margin-top: 99999px }}"));

        Assert.Equal("margin-top: 99999px", Read($"<style>{sheet}</style><p class=\"c63\">x</p>").OutOfView);
        Assert.Null(Read($"<style>{sheet}</style><p class=\"c64\">x</p>").OutOfView);
    }

    private static (string Text, string HiddenText, List<Anchor> Anchors, HashSet<string> Markup, List<string> ImageText, List<string> ImageSources, string? OutOfView) Read(string html)
    {
        var text = new StringBuilder();
        var hiddenText = new StringBuilder();
        var anchors = new List<Anchor>();
        var markup = new HashSet<string>();
        var imageText = new List<string>();
        var imageSources = new List<string>();
        var outOfView = HtmlBody.Read(html, text, hiddenText, anchors, markup, imageText, imageSources);
        return (text.ToString(), hiddenText.ToString(), anchors, markup, imageText, imageSources, outOfView);
    }
}
