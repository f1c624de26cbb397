using System.Text;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Text disguised to slip past word filters while reading normally: words that mix Latin letters with Cyrillic or
/// Greek look-alikes ("Ηеar" with a Greek Eta and a Cyrillic e), and words broken up by invisible zero-width
/// characters. Writers of any language keep one script within a word and have no use for invisible characters
/// inside one; filters' evaders do. It says the text hides, not what it wants, so it names no threat.
/// </summary>
public sealed class DisguisedTextRule : IScanRule
{
    public const string Name = "DISGUISED_TEXT";

    // One disguised word can be a typo or a name; a few are a method.
    private const int WordsNeeded = 2;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var mixed = new List<string>();
        var broken = 0;
        foreach (var word in Words(message.Mime.From.ToString() + "\n" + message.SubjectAndText))
        {
            if (word.Invisible > 0) broken++;
            else if (word.Latin && word.LookAlike && mixed.Count < 3) mixed.Add(word.Text);
            if (mixed.Count >= 3 && broken >= WordsNeeded) break;
        }
        if (mixed.Count >= WordsNeeded)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Clean, $"Words mix Latin letters with Cyrillic or Greek look-alikes: {string.Join(", ", mixed.Select(w => $"\"{w}\""))}.");
        }
        else if (broken >= WordsNeeded)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Clean, $"{broken} words are broken up by invisible zero-width characters.");
        }
    }

    private static IEnumerable<Word> Words(string text)
    {
        var current = new StringBuilder();
        bool latin = false, lookAlike = false;
        int inside = 0, pending = 0;
        foreach (var c in text.Append(' '))
        {
            if (IsInvisible(c))
            {
                // Counted once a letter follows: at a word's end it is padding, not a break inside the word.
                if (current.Length > 0) pending++;
                continue;
            }
            if (char.IsLetter(c))
            {
                current.Append(c);
                inside += pending;
                pending = 0;
                latin |= c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F';
                lookAlike |= c is >= '\u0370' and <= '\u03FF' or >= '\u0400' and <= '\u04FF';
                continue;
            }
            if (current.Length > 1) yield return new Word(current.ToString(), latin, lookAlike, inside);
            current.Clear();
            latin = lookAlike = false;
            inside = pending = 0;
        }
    }

    // Zero-width space, non-joiner, word joiner, byte order mark and the combining grapheme joiner. The zero-width
    // joiner is left out: emoji sequences use it.
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u2060' or '\uFEFF' or '\u034F' or '\u180E';

    private readonly record struct Word(string Text, bool Latin, bool LookAlike, int Invisible);
}
