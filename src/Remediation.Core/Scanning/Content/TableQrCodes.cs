using System.Text;
using System.Text.RegularExpressions;
using MimeKit.Text;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// A QR code built in an HTML body as a table, each cell a module coloured by its background: no image holds it, so no
/// image reader sees it, and a phone's camera reads it off the screen. A table of at least 21 rows of as many cells,
/// each cell dark or light, is drawn a module a cell and read like an image. A cell's background is the one a browser
/// would show: its inline style's, else its style sheet's (<see cref="CellStyles"/>), else its <c>bgcolor</c>.
/// </summary>
internal static partial class TableQrCodes
{
    private const int MinModules = 21;
    private const int MaxModules = 177;
    // A table may draw its quiet zone too, four modules on each side.
    private const int QuietZoneModules = 4;

    /// <summary>Whether the body has the cells a code takes (21 × 21), before it is read as tables.</summary>
    public static bool MayHoldOne(string html) => CellTag().Count(html) >= MinModules * MinModules;

    /// <summary>What the codes the body's tables draw say.</summary>
    public static IReadOnlyList<string> In(string html)
    {
        var closed = new List<List<List<Cell>>>();
        var tables = new Stack<List<List<Cell>>>();
        var css = new StringBuilder();
        var inStyle = false;
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlDataToken data && inStyle && css.Length < CellStyles.MaxChars) css.Append(data.Data);
            if (token is not HtmlTagToken tag) continue;
            switch (tag.Id)
            {
                case HtmlTagId.Style:
                    inStyle = !tag.IsEndTag;
                    break;
                case HtmlTagId.Table when !tag.IsEndTag && tables.Count < 16:
                    tables.Push([]);
                    break;
                case HtmlTagId.Table when tag.IsEndTag && tables.Count > 0:
                    closed.Add(tables.Pop());
                    break;
                case HtmlTagId.TR when !tag.IsEndTag && tables.Count > 0 && tables.Peek().Count < MaxModules + (2 * QuietZoneModules):
                    tables.Peek().Add([]);
                    break;
                case HtmlTagId.TD or HtmlTagId.TH when !tag.IsEndTag && tables.Count > 0 && tables.Peek() is [.., var row] && row.Count <= MaxModules + (2 * QuietZoneModules):
                    row.Add(Cell.Of(tag));
                    break;
            }
        }
        // A browser shows a table the body never closes.
        closed.AddRange(tables);
        // A style sheet applies wherever it stands in the body, so cells are coloured once it is all read.
        var styles = CellStyles.Parse(css.ToString());
        var codes = new List<string>();
        foreach (var table in closed)
        {
            if (Grid(table, styles) is { } grid) codes.AddRange(Read(grid));
        }
        return codes;
    }

    /// <summary>The background the last of a style's background declarations gives, or null for none.</summary>
    public static string? DeclaredBackground(string declarations) =>
        Background().Matches(declarations) is { Count: > 0 } declared ? declared[^1].Groups["colour"].Value : null;

    // The table's rows as a square of modules, when they are one: as many rows as cells in each.
    private static List<List<bool>>? Grid(List<List<Cell>> rows, CellStyles styles)
    {
        var filled = rows.Where(row => row.Count > 0).ToList();
        if (filled.Count < MinModules || filled.Any(row => row.Count != filled[0].Count) || Math.Abs(filled[0].Count - filled.Count) > 1) return null;
        var modules = filled.Select(row => row.Select(cell => cell.IsDark(styles)).ToList()).ToList();
        return modules.Any(row => row.Contains(true)) ? modules : null;
    }

    // Each dark cell a module's rectangle, rows running down; the caps on rows and cells bound the picture.
    private static IReadOnlyList<string> Read(List<List<bool>> grid)
    {
        var fills = new List<DrawnFill>();
        for (var y = 0; y < grid.Count; y++)
        {
            for (var x = 0; x < grid[y].Count; x++)
            {
                if (grid[y][x]) fills.Add(new DrawnFill(x, -y - 1, x + 1, -y, 0));
            }
        }
        return DrawnCodes.In(fills, int.MaxValue) ?? [];
    }

    // What a cell says of its background; its style sheet's part is known only once the whole body is read.
    private sealed record Cell(string Element, string? Inline, string? Classes, string? BgColor)
    {
        public static Cell Of(HtmlTagToken tag)
        {
            string? inline = null, classes = null, bgColor = null;
            foreach (var attribute in tag.Attributes)
            {
                if (attribute.Id == HtmlAttributeId.BGColor) bgColor ??= attribute.Value;
                else if (attribute.Id == HtmlAttributeId.Style) inline = DeclaredBackground(attribute.Value ?? "") ?? inline;
                else if (attribute.Id == HtmlAttributeId.Class) classes ??= attribute.Value;
            }
            return new Cell(tag.Id == HtmlTagId.TH ? "th" : "td", inline, classes, bgColor);
        }

        public bool IsDark(CellStyles styles) =>
            (Inline ?? styles.BackgroundOf(Element, Classes) ?? BgColor) is { } colour && CssColour.Gray(colour) < 128;
    }

    [GeneratedRegex(@"<t[dh][\s>]", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex CellTag();

    [GeneratedRegex(@"background(?:-color)?\s*:\s*(?<colour>#[0-9a-f]{3,6}\b|rgb\([^)]*\)|[a-z]+)", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Background();
}
