using System.Text;
using System.Text.RegularExpressions;
using MimeKit.Text;

namespace Remediation.Core.Scanning.Content;

/// <summary>The visible text of an HTML body and its links, read with MimeKit's tokenizer.</summary>
internal static partial class HtmlBody
{
    /// <param name="markup">Receives the names of the tags and attributes used, the page's style.</param>
    /// <param name="imageText">Receives the alt and title text of images, which stands in for a logo's words.</param>
    /// <param name="hiddenText">Receives the text an inline style hides from the reader.</param>
    /// <param name="imageSources">Receives the src of every image, as written.</param>
    /// <returns>The declaration that places an element of the page out of the reader's view, if one does.</returns>
    public static string? Read(string html, StringBuilder text, StringBuilder hiddenText, List<Anchor> anchors, HashSet<string> markup, List<string> imageText, List<string> imageSources)
    {
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var hidden = 0;
        var inStyleSheet = false;
        var styled = new StyledElements();
        string? href = null;
        var anchorText = new StringBuilder();
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlDataToken data when hidden == 0 && token.Kind == HtmlTokenKind.Data:
                    (styled.Hidden ? hiddenText : text).Append(data.Data);
                    if (href is not null) anchorText.Append(data.Data);
                    break;
                case HtmlDataToken sheet when inStyleSheet:
                    styled.ReadStyleSheet(sheet.Data);
                    break;
                case HtmlTagToken tag:
                    styled.Track(tag);
                    if (!tag.IsEndTag && markup.Add(tag.Name.ToLowerInvariant()))
                    {
                        foreach (var attribute in tag.Attributes) markup.Add(tag.Name.ToLowerInvariant() + "@" + attribute.Name.ToLowerInvariant());
                    }
                    if (tag.Id == HtmlTagId.Style) inStyleSheet = !tag.IsEndTag && !tag.IsEmptyElement;
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
                        if (AttributeOf(tag, HtmlAttributeId.Src) is { Length: > 0 } source) imageSources.Add(source);
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
        return styled.OutOfView;
    }

    /// <summary>
    /// The open elements, and whether an inline style hides one of them from the reader (display:none, visibility:hidden,
    /// font-size:0, opacity:0, max-height:0): text there is what filters read and people do not. It also notes an
    /// element placed out of view (margin-top: 380000px), by its inline style or by a class of the page's style sheets.
    /// That element's text still counts as seen: a tall container holds what is shown as well as what is pushed away.
    /// </summary>
    private sealed class StyledElements
    {
        // Deeper nesting is left untracked (its text counts as seen): a page of unclosed tags costs no more than this.
        private const int MaxOpen = 256;
        // A page's classes beyond this many are not looked at: a style sheet of generated classes costs no more than this.
        private const int MaxOutOfViewClasses = 64;

        private readonly List<(HtmlTagId Id, string Name, bool Hides)> _open = [];
        private readonly Dictionary<string, string> _outOfViewClasses = new(StringComparer.Ordinal);
        private int _hiding;

        public bool Hidden => _hiding > 0;

        /// <summary>The first declaration that placed an element out of view.</summary>
        public string? OutOfView { get; private set; }

        /// <summary>Notes the classes a style sheet places out of view; a sheet is read before the elements it styles.</summary>
        public void ReadStyleSheet(string sheet)
        {
            // Stryker disable once Statement : a check for speed; the pattern after it decides
            if (!HasFourDigits(sheet)) return;
            foreach (Match rule in OutOfViewClassRule().Matches(sheet))
            {
                if (_outOfViewClasses.Count == MaxOutOfViewClasses) return;
                _outOfViewClasses.TryAdd(rule.Groups["class"].Value, rule.Groups["declaration"].Value);
            }
        }

        public void Track(HtmlTagToken tag)
        {
            // A void element (<img>, <br>, <wbr>…) or a self-closed one holds no text, so it hides none.
            if (tag.Id.IsEmptyElement() || tag.IsEmptyElement) return;
            if (!tag.IsEndTag)
            {
                if (_open.Count == MaxOpen) return;
                var style = AttributeOf(tag, HtmlAttributeId.Style);
                var hides = style is not null && HidingStyle().IsMatch(style);
                if (OutOfView is null) NoteOutOfView(style, AttributeOf(tag, HtmlAttributeId.Class));
                _open.Add((tag.Id, tag.Name, hides));
                if (hides) _hiding++;
                return;
            }
            // An end tag closes its element and whatever was left open inside it, as browsers do.
            var at = _open.Count - 1;
            while (at >= 0 && !(_open[at].Id == tag.Id && (tag.Id != HtmlTagId.Unknown || string.Equals(_open[at].Name, tag.Name, StringComparison.OrdinalIgnoreCase)))) at--;
            if (at < 0) return;
            for (var i = at; i < _open.Count; i++)
            {
                if (_open[i].Hides) _hiding--;
            }
            _open.RemoveRange(at, _open.Count - at);
        }

        private void NoteOutOfView(string? style, string? classes)
        {
            if (style is not null && HasFourDigits(style) && OutOfViewDeclaration().Match(style) is { Success: true } inline)
            {
                OutOfView = inline.Groups["declaration"].Value;
                return;
            }
            if (classes is null || _outOfViewClasses.Count == 0) return;
            foreach (var name in classes.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (_outOfViewClasses.TryGetValue(name, out var declaration))
                {
                    OutOfView = declaration;
                    return;
                }
            }
        }
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(px|pt|em|rem|%)?\s*(;|!|$)|opacity\s*:\s*0(\.0+)?\s*(;|!|$)|max-height\s*:\s*0(px)?\s*(;|!|$)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex HidingStyle();

    // Ten thousand pixels, or ten screens, from where the message starts: no layout needs that, only text meant to be
    // read by filters and scrolled past by nobody.
    private const string OutOfViewDeclarationPattern = @"(?<declaration>(margin-top|padding-top|top|height|min-height)\s*:\s*(\d{5,}(\.\d+)?px|\d{4,}(\.\d+)?vh))";

    [GeneratedRegex(@"(^|[^\w-])" + OutOfViewDeclarationPattern, LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex OutOfViewDeclaration();

    // A rule of one class whose block holds such a declaration: ".farBelow { margin-top: 380000px; }".
    [GeneratedRegex(@"\.(?<class>[\w-]+)\s*\{([^{}]*[^\w{}-])?" + OutOfViewDeclarationPattern, LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex OutOfViewClassRule();

    // Every out-of-view length has four digits or more; most styles have none, and this is cheaper than the pattern.
    // Stryker disable all : a check for speed; the pattern it guards decides, so its mutants change only the time taken
    private static bool HasFourDigits(string css)
    {
        var run = 0;
        foreach (var c in css)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    }
    // Stryker restore all

    private static string? AttributeOf(HtmlTagToken tag, HtmlAttributeId id)
    {
        foreach (var attribute in tag.Attributes)
        {
            if (attribute.Id == id) return attribute.Value?.Trim();
        }
        return null;
    }
}
