using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Text disguised to slip past word filters while reading normally: words that mix Latin letters with Cyrillic or
/// Greek look-alikes ("Ηеar" with a Greek Eta and a Cyrillic e), Latin letters each carrying a mark of another
/// script or a stroke drawn through it (a Syriac point over every letter of "Amazon", a slash through "Decathlon"),
/// which the eye passes over and a word match does not, and
/// words broken up by invisible zero-width characters. Writers of any language keep one script within a word and
/// have no use for invisible characters inside one; filters' evaders do. It says the text hides, not what it wants,
/// so it names no threat.
/// </summary>
public sealed class DisguisedTextRule : IScanRule
{
    public const string Name = "DISGUISED_TEXT";

    // One disguised word can be a typo or a name; a few are a method.
    private const int WordsNeeded = 2;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var (mixed, marked, broken) = Read(message.SubjectAndText);
        var (mixedInFrom, markedInFrom, brokenInFrom) = Read(message.Mime.From.ToString());
        mixed.AddRange(mixedInFrom);
        marked.AddRange(markedInFrom);
        broken += brokenInFrom;
        if (mixed.Count >= WordsNeeded)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Clean, $"Words mix Latin letters with Cyrillic or Greek look-alikes: {Quoted(mixed)}.");
        }
        else if (marked.Count >= WordsNeeded)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Clean, $"Latin letters carry marks of another script or strokes drawn through them, which hide the words from a match: {Quoted(marked)}.");
        }
        else if (broken >= WordsNeeded)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Clean, $"{broken} words are broken up by invisible zero-width characters.");
        }
    }

    private static string Quoted(IEnumerable<string> words) => string.Join(", ", words.Select(w => $"\"{w}\""));

    // One pass over the text without allocating per word: only a disguised word's text is kept, and at most three of each kind.
    private static (List<string> Mixed, List<string> Marked, int Broken) Read(string text)
    {
        var mixed = new List<string>();
        var marked = new List<string>();
        var broken = 0;
        int start = -1, inside = 0, pending = 0, scripts = 0, foreignMarks = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (InvisibleCharacters.BreakWords(c))
            {
                // Counted once a letter follows: at a word's end it is padding, not a break inside the word.
                if (start >= 0) pending++;
                continue;
            }
            if (char.IsLetter(c))
            {
                if (start < 0) start = i;
                inside += pending;
                pending = 0;
                scripts |= Lookalike.ScriptOf(c);
                continue;
            }
            // A combining mark belongs to the letter before it. Latin's own accents (U+0300–U+036F) are ordinary, but
            // for the strokes and slashes drawn through a letter ("De̷c̷athlon"), which no language writes.
            if (start >= 0 && Diacritics.IsCombiningMark(c))
            {
                if (!IsLatinAccent(c) && Lookalike.ScriptOf(text[i - 1]) == Lookalike.LatinScript) foreignMarks++;
                continue;
            }
            if (start >= 0 && i - start > 1)
            {
                if (inside > 0) broken++;
                else if (IsDisguised(scripts) && mixed.Count < 3) mixed.Add(text[start..i]);
                else if (foreignMarks > 0 && marked.Count < 3) marked.Add(text[start..i]);
            }
            start = -1;
            scripts = inside = pending = foreignMarks = 0;
        }
        return (mixed, marked, broken);
    }

    private static bool IsLatinAccent(char mark) => mark is >= '\u0300' and <= '\u036F' and not (>= '\u0334' and <= '\u0338');

    // Latin beside Greek or Cyrillic, the alphabets with Latin look-alikes; Latin beside kana or Han is ordinary Japanese.
    private static bool IsDisguised(int scripts) =>
        (scripts & Lookalike.LatinScript) != 0 && (scripts & (Lookalike.GreekScript | Lookalike.CyrillicScript)) != 0;
}
