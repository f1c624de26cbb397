namespace Remediation.Core.Scanning.Brands;

/// <summary>
/// Every brand name in one table, keyed by its normalised words: a text is split into words once and each run of up
/// to the longest name's length is looked up, so the cost grows with the text, not with the number of brands.
/// </summary>
internal sealed class BrandMatcher
{
    private readonly Dictionary<string, List<BrandMention>> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BrandMention>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<(string Name, BrandMention Mention)> _unspaced = [];
    private readonly int _maxWords = 1;

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
            _maxWords = Math.Max(_maxWords, phrase.Count(c => c == ' ') + 1);
        }
        _lookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
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
            for (var n = 1; n <= _maxWords && w + n <= starts.Count; n++)
            {
                var end = words.IndexOf(' ', starts[w + n - 1]);
                if (_lookup.TryGetValue(words.AsSpan(starts[w], end - starts[w]), out var mentions)) Keep(found, mentions);
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
