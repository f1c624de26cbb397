using System.Text.RegularExpressions;
using MimeKit.Text;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// A QR code built in an HTML body as a table, each cell a module coloured by its background: no image holds it, so no
/// image reader sees it, and a phone's camera reads it off the screen. A table of at least 21 rows of as many cells,
/// each cell dark or light, is drawn a module a cell and read like an image.
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
        var codes = new List<string>();
        var tables = new Stack<List<List<bool>>>();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is not HtmlTagToken tag) continue;
            switch (tag.Id)
            {
                case HtmlTagId.Table when !tag.IsEndTag && tables.Count < 16:
                    tables.Push([]);
                    break;
                case HtmlTagId.Table when tag.IsEndTag && tables.Count > 0:
                    if (Grid(tables.Pop()) is { } grid) codes.AddRange(Read(grid));
                    break;
                case HtmlTagId.TR when !tag.IsEndTag && tables.Count > 0 && tables.Peek().Count < MaxModules + (2 * QuietZoneModules):
                    tables.Peek().Add([]);
                    break;
                case HtmlTagId.TD or HtmlTagId.TH when !tag.IsEndTag && tables.Count > 0 && tables.Peek() is [.., var row] && row.Count <= MaxModules + (2 * QuietZoneModules):
                    row.Add(IsDark(tag));
                    break;
            }
        }
        // A browser shows a table the body never closes.
        while (tables.Count > 0)
        {
            if (Grid(tables.Pop()) is { } grid) codes.AddRange(Read(grid));
        }
        return codes;
    }

    // The table's rows as a square of modules, when they are one: as many rows as cells in each.
    private static List<List<bool>>? Grid(List<List<bool>> rows)
    {
        var filled = rows.Where(row => row.Count > 0).ToList();
        if (filled.Count < MinModules || filled.Any(row => row.Count != filled[0].Count)) return null;
        return Math.Abs(filled[0].Count - filled.Count) <= 1 && filled.Any(row => row.Contains(true)) ? filled : null;
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

    // A cell is dark when its background is: the bgcolor attribute or a background in its style.
    private static bool IsDark(HtmlTagToken cell)
    {
        string? colour = null;
        foreach (var attribute in cell.Attributes)
        {
            if (attribute.Id == HtmlAttributeId.BGColor) colour ??= attribute.Value;
            else if (attribute.Id == HtmlAttributeId.Style && Background().Match(attribute.Value ?? "") is { Success: true } declared) colour = declared.Groups["colour"].Value;
        }
        return colour is not null && CssColour.Gray(colour) < 128;
    }

    [GeneratedRegex(@"<t[dh][\s>]", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex CellTag();

    [GeneratedRegex(@"background(?:-color)?\s*:\s*(?<colour>#[0-9a-f]{3,6}\b|rgb\([^)]*\)|[a-z]+)", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Background();
}
