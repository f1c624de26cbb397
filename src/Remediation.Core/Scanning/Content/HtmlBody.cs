using System.Text;
using MimeKit.Text;

namespace Remediation.Core.Scanning.Content;

/// <summary>The visible text of an HTML body and its links, read with MimeKit's tokenizer.</summary>
internal static class HtmlBody
{
    /// <param name="markup">Receives the names of the tags and attributes used, the page's style.</param>
    /// <param name="imageText">Receives the alt and title text of images, which stands in for a logo's words.</param>
    public static void Read(string html, StringBuilder text, List<Anchor> anchors, HashSet<string> markup, List<string> imageText)
    {
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var hidden = 0;
        string? href = null;
        var anchorText = new StringBuilder();
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlDataToken data when hidden == 0 && token.Kind == HtmlTokenKind.Data:
                    text.Append(data.Data);
                    if (href is not null) anchorText.Append(data.Data);
                    break;
                case HtmlTagToken tag:
                    if (!tag.IsEndTag && markup.Add(tag.Name.ToLowerInvariant()))
                    {
                        foreach (var attribute in tag.Attributes) markup.Add(tag.Name.ToLowerInvariant() + "@" + attribute.Name.ToLowerInvariant());
                    }
                    if (tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title)
                    {
                        if (tag.IsEndTag) hidden = Math.Max(0, hidden - 1);
                        else if (!tag.IsEmptyElement) hidden++;
                    }
                    else if (tag.Id == HtmlTagId.A)
                    {
                        if (href is not null) anchors.Add(new Anchor(href, anchorText.ToString().Trim()));
                        href = tag.IsEndTag ? null : AttributeOf(tag, HtmlAttributeId.Href);
                        anchorText.Clear();
                    }
                    else if (!tag.IsEndTag && tag.Id == HtmlTagId.Image)
                    {
                        foreach (var id in (HtmlAttributeId[])[HtmlAttributeId.Alt, HtmlAttributeId.Title])
                        {
                            if (AttributeOf(tag, id) is { Length: > 0 } words) imageText.Add(words);
                        }
                    }
                    else if (!tag.IsEndTag && tag.Id is HtmlTagId.Area or HtmlTagId.Form && AttributeOf(tag, tag.Id == HtmlTagId.Form ? HtmlAttributeId.Action : HtmlAttributeId.Href) is { } target)
                    {
                        anchors.Add(new Anchor(target, ""));
                    }
                    // Block elements separate words that the markup alone keeps apart.
                    if (tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.TD or HtmlTagId.TR or HtmlTagId.LI) text.Append(' ');
                    break;
            }
        }
        if (href is not null) anchors.Add(new Anchor(href, anchorText.ToString().Trim()));
    }

    private static string? AttributeOf(HtmlTagToken tag, HtmlAttributeId id)
    {
        foreach (var attribute in tag.Attributes)
        {
            if (attribute.Id == id) return attribute.Value?.Trim();
        }
        return null;
    }
}
