namespace Remediation.Core.Scanning.Brands;

/// <summary>
/// Every brand name in one table, keyed by its normalised words: a text is split into words once and each run of words
/// is looked up, growing only while it begins some name, so the cost grows with the text, not with the number of
/// brands; most words begin no name and cost one lookup.
/// </summary>
internal sealed class BrandMatcher
{
    private readonly Dictionary<string, List<BrandMention>> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BrandMention>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<string> _beginnings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _beginningLookup;
    private readonly List<(string Name, BrandMention Mention)> _unspaced = [];

    public BrandMatcher(IEnumerable<(Brand Brand, string Name, bool Ambiguous)> names)
    {
        foreach (var (brand, name, ambiguous) in names)
        {
            var mention = new BrandMention(brand, name, ambiguous);
            var phrase = BrandText.Words(name).Trim();
            if (phrase.Length == 0) continue;
            if (phrase.Any(BrandText.IsUnspaced))
            {
                _unspaced.Add((phrase.Replace(" ", "", StringComparison.Ordinal), mention));
                continue;
            }
            Add(phrase, mention);
            // "Mercado Livre" is also written "MercadoLivre", in display names and domains above all.
            if (phrase.Contains(' ', StringComparison.Ordinal)) Add(phrase.Replace(" ", "", StringComparison.Ordinal), mention);
        }
        _lookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _beginningLookup = _beginnings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The brands the text names, each once; a brand named both ways counts as named unambiguously.</summary>
    public IReadOnlyCollection<BrandMention> Find(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var words = BrandText.Words(text);
        var found = new Dictionary<Brand, BrandMention>();
        var starts = new List<int>();
        var hasUnspaced = false;
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i] != ' ' && words[i - 1] == ' ') starts.Add(i);
            hasUnspaced |= BrandText.IsUnspaced(words[i]);
        }
        for (var w = 0; w < starts.Count; w++)
        {
            for (var n = 1; w + n <= starts.Count; n++)
            {
                var end = words.IndexOf(' ', starts[w + n - 1]);
                var run = words.AsSpan(starts[w], end - starts[w]);
                if (_lookup.TryGetValue(run, out var mentions)) Keep(found, mentions);
                if (!_beginningLookup.Contains(run)) break;
            }
        }
        if (hasUnspaced)
        {
            // Japanese runs its words together, so its names are looked for anywhere; they are few and long enough.
            foreach (var (name, mention) in _unspaced)
            {
                if (words.Contains(name, StringComparison.Ordinal)) Keep(found, [mention]);
            }
        }
        return found.Values;
    }

    private void Add(string phrase, BrandMention mention)
    {
        // "bank of america" begins with "bank" and "bank of".
        for (var space = phrase.IndexOf(' ', StringComparison.Ordinal); space > 0; space = phrase.IndexOf(' ', space + 1)) _beginnings.Add(phrase[..space]);
        if (!_phrases.TryGetValue(phrase, out var mentions)) _phrases[phrase] = mentions = [];
        if (!mentions.Contains(mention)) mentions.Add(mention);
    }

    private static void Keep(Dictionary<Brand, BrandMention> found, List<BrandMention> mentions)
    {
        foreach (var mention in mentions)
        {
            if (!found.TryGetValue(mention.Brand, out var known) || (known.Ambiguous && !mention.Ambiguous)) found[mention.Brand] = mention;
        }
    }
}
