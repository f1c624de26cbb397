namespace Remediation.Core.Scanning.Content;

/// <summary>
/// A cheap guess at the language of a text: Japanese by its scripts, the others by counting common function words.
/// Good enough to split measurements by language and for rules that phrase lures per language; not a classifier.
/// </summary>
public static class LanguageGuess
{
    public const string Unknown = "unknown";

    // Below this many function words the text is too short, or in none of the languages.
    private const int MinimumHits = 3;

    // Words frequent in one language and rare in the others; those shared by several (de, en, para, una, con) prove nothing.
    private static readonly (string Language, HashSet<string> Words)[] FunctionWords =
    [
        ("en", Set("the and you your to of for this with that have are we will be on not it our from please")),
        ("de", Set("der die das und ist nicht sie ihr ihre ihren mit für den dem ein eine einen zu auf wir sich auch werden bitte oder von")),
        ("pt", Set("não você seu sua com os das dos ao está são pelo pela também mais foi obrigado em do da olá seus")),
        ("es", Set("el los las que tu tus su sus por está se muy también hola gracias puedes tienes ya hemos")),
        ("fr", Set("le les des du est et vous votre vos pour pas avec sur dans nous ce qui au aux bonjour cette")),
        ("nl", Set("het een van je jouw uw niet met voor op dat zijn wordt deze naar ook bij heeft hoi we kun")),
        ("it", Set("il di che della per non sono gli alla ti tuo tua è questo ciao anche nel dal hai")),
    ];

    /// <summary>A two-letter code (en, de, pt, es, fr, nl, it, ja) or <see cref="Unknown"/>.</summary>
    public static string Of(string text)
    {
        if (IsJapanese(text)) return "ja";
        var counts = new int[FunctionWords.Length];
        foreach (var word in Words(text))
        {
            for (var i = 0; i < FunctionWords.Length; i++)
            {
                if (FunctionWords[i].Words.Contains(word)) counts[i]++;
            }
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best]) best = i;
        }
        return counts[best] >= MinimumHits ? FunctionWords[best].Language : Unknown;
    }

    // Kana are Japanese alone; Han characters are shared with Chinese, so kana must be there too.
    private static bool IsJapanese(string text)
    {
        int kana = 0, letters = 0;
        foreach (var c in text)
        {
            if (c is >= '\u3040' and <= '\u30ff') kana++;
            if (char.IsLetter(c)) letters++;
        }
        return kana >= 10 && kana * 10 >= letters;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0) start = i;
            else if (!isLetter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
