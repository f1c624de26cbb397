using System.Text.RegularExpressions;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// The backgrounds a body's style sheets give table cells, by element (<c>td</c>, <c>th</c>) and class: a code table
/// whose cells name a class instead of carrying their colour shows the same picture. Only the rule's last compound
/// selector counts (<c>.qr td</c> as <c>td</c>), which may colour more cells than a browser would; the code's square
/// is found among them all the same.
/// </summary>
internal sealed partial class CellStyles
{
    // A style sheet read this far: a code's few rules come first, and a sheet padded past it hides nothing else.
    public const int MaxChars = 256 * 1024;

    private const int MaxRules = 4_096;

    // A cell's class list read this far.
    private const int MaxClassesPerCell = 8;

    // The winning rule for each element (or none) and class (or none): a later rule with the same selector wins.
    private readonly Dictionary<(string Element, string Class), Rule> _rules = [];
    private int _order;

    public static CellStyles Parse(string css)
    {
        var styles = new CellStyles();
        foreach (Match rule in RuleSyntax().Matches(Comment().Replace(css, " ")))
        {
            if (TableQrCodes.DeclaredBackground(rule.Groups["declarations"].Value) is not { } colour) continue;
            foreach (var selector in rule.Groups["selectors"].Value.Split(','))
            {
                if (styles._order >= MaxRules) return styles;
                var subject = selector.Trim().Split([' ', '>', '+', '~'], StringSplitOptions.RemoveEmptyEntries) is [.., var last] ? last : "";
                if (Subject().Match(subject) is not { Success: true, Length: > 0 } cell) continue;
                var element = cell.Groups["element"].Value.ToLowerInvariant();
                var className = cell.Groups["class"].Value;
                styles._rules[(element, className)] = new Rule((className.Length > 0 ? 10 : 0) + (element.Length > 0 ? 1 : 0), styles._order++, colour);
            }
        }
        return styles;
    }

    /// <summary>The background the sheet gives a cell: the most specific matching rule's, the later of equals.</summary>
    public string? BackgroundOf(string element, string? classes)
    {
        if (_rules.Count == 0) return null;
        var best = _rules.GetValueOrDefault((element, ""));
        foreach (var name in (classes ?? "").Split((char[]?)null, MaxClassesPerCell + 1, StringSplitOptions.RemoveEmptyEntries).Take(MaxClassesPerCell))
        {
            best = Better(best, _rules.GetValueOrDefault(("", name)));
            best = Better(best, _rules.GetValueOrDefault((element, name)));
        }
        return best?.Colour;
    }

    private static Rule? Better(Rule? best, Rule? other) =>
        other is not null && (best is null || (other.Specificity, other.Order).CompareTo((best.Specificity, best.Order)) > 0) ? other : best;

    private sealed record Rule(int Specificity, int Order, string Colour);

    [GeneratedRegex(@"/\*.*?\*/", LinearRegex.Options | RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?<selectors>[^{}]*)\{(?<declarations>[^{}]*)\}", LinearRegex.Options)]
    private static partial Regex RuleSyntax();

    [GeneratedRegex(@"^(?<element>t[dh])?(?:\.(?<class>[\w-]+))?$", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Subject();
}
