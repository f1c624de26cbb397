using System.Buffers;
using System.Text;
using MimeKit.Text;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// A QR code written in the body as text ("ASCII QR"): lines of block characters, a full block (█) or a hash (#) for a
/// dark module and a space for a light one, or half blocks (▀ ▄) for two rows of modules in one line, as
/// <c>qrencode -t UTF8</c> and <c>-t ASCII</c> write it. No image reader sees it, and a phone's camera reads it off the
/// screen. The longest run of such lines is drawn as rectangles and read like a code a PDF draws (<see cref="DrawnCodes"/>).
/// </summary>
internal static class TextQrCodes
{
    private const int MinColumns = 21;
    // A version 1 code in half blocks takes 11 lines; a block of fewer lines is no code.
    private const int MinLines = 11;
    private const int MaxLines = 400;
    private const int MaxColumns = 800;

    /// <summary>Whether the text holds enough block characters (84) to be worth reading as lines: a code has more.</summary>
    public static bool MayHoldOne(string text)
    {
        // Every message's body passes here: a vectorised search from one block to the next, not a look at each character.
        var rest = text.AsSpan();
        for (var blocks = 0; blocks < MinColumns * 4; blocks++)
        {
            var at = rest.IndexOfAny(DarkCharacters);
            if (at < 0) return false;
            rest = rest[(at + 1)..];
        }
        return true;
    }

    /// <summary>What a code written in these lines says, if any.</summary>
    public static IReadOnlyList<string> In(string text)
    {
        var block = LongestRunOfCodeLines(text);
        if (block.Count < MinLines) return [];
        var width = Math.Min(block.Max(line => line.Length), MaxColumns);
        var halfBlocks = block.Any(line => line.Contains('▀') || line.Contains('▄'));
        // Full blocks alone: one line a module row, and most generators write a module two characters wide.
        var charactersPerModule = halfBlocks || block.Any(line => Runs(line).Any(run => run % 2 == 1)) ? 1 : 2;
        var rowsPerLine = halfBlocks ? 2 : charactersPerModule;
        // Each dark character, or half of one, a rectangle a unit wide and a row tall, rows running down.
        var fills = new List<DrawnFill>();
        for (var line = 0; line < block.Count && fills.Count < DrawnCodes.MaxRectangles; line++)
        {
            for (var column = 0; column < Math.Min(block[line].Length, width); column++)
            {
                var (top, bottom) = Halves(block[line][column]);
                for (var half = 0; half < rowsPerLine; half++)
                {
                    var row = (line * rowsPerLine) + half;
                    if (halfBlocks ? (half == 0 ? top : bottom) : top) fills.Add(new DrawnFill(column, -row - 1, column + 1, -row, 0));
                }
            }
        }
        // The caps on lines and columns bound the picture.
        return DrawnCodes.In(fills, int.MaxValue) ?? [];
    }

    /// <summary>An HTML body's text with a line break where the page breaks a line: a code in a page is laid out so.</summary>
    public static string LinesOf(string html)
    {
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlDataToken data) text.Append(data.Data.Replace("\r", "").Replace("\n", ""));
            else if (token is HtmlTagToken { Id: HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.LI or HtmlTagId.Pre }) text.Append('\n');
        }
        return text.ToString();
    }

    // The longest run of lines that are only code characters and wide enough for a code; only its lines are kept.
    private static List<string> LongestRunOfCodeLines(string text)
    {
        var (bestStart, bestCount, start, count) = (0, 0, 0, 0);
        for (var at = 0; at < text.Length;)
        {
            var rest = text.AsSpan(at);
            var end = rest.IndexOfAny('\r', '\n');
            if (IsCodeLine(end < 0 ? rest : rest[..end]))
            {
                if (count++ == 0) start = at;
                if (count > bestCount) (bestStart, bestCount) = (start, count);
            }
            else
            {
                count = 0;
            }
            if (end < 0) break;
            at += end + (rest[end..].StartsWith("\r\n") ? 2 : 1);
        }
        var lines = new List<string>();
        foreach (var line in text.AsSpan(bestStart).EnumerateLines())
        {
            if (lines.Count == Math.Min(bestCount, MaxLines)) break;
            lines.Add(line.ToString());
        }
        return lines;
    }

    private static bool IsCodeLine(ReadOnlySpan<char> line) =>
        line.Length >= MinColumns && line.IndexOfAnyExcept(CodeCharacters) < 0 && line.IndexOfAny(DarkCharacters) >= 0;

    private static readonly SearchValues<char> CodeCharacters = SearchValues.Create("█▀▄# \u00A0\u2003");
    private static readonly SearchValues<char> DarkCharacters = SearchValues.Create("█▀▄#");

    private static (bool Top, bool Bottom) Halves(char c) => c switch
    {
        '█' or '#' => (true, true),
        '▀' => (true, false),
        '▄' => (false, true),
        _ => (false, false),
    };

    // The lengths of the line's runs of dark and of light characters.
    private static IEnumerable<int> Runs(string line)
    {
        var length = 1;
        for (var i = 1; i <= line.Length; i++)
        {
            if (i < line.Length && Halves(line[i]).Top == Halves(line[i - 1]).Top)
            {
                length++;
                continue;
            }
            yield return length;
            length = 1;
        }
    }
}
