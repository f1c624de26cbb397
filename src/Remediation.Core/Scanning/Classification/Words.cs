namespace Remediation.Core.Scanning.Classification;

/// <summary>Words of a text as features: lower-cased, all-capital words marked apart, optionally with word pairs.</summary>
internal static class Words
{
    // Past this many words the rest of a long body adds time, not evidence.
    private const int MaxWords = 5_000;
    private const int MaxWordLength = 24;

    public static void Add(string text, char field, bool pairs, FeatureVector vector)
    {
        var seed = FeatureHash.Seed(field);
        var hash = seed;
        var length = 0;
        var upper = 0;
        var previous = 0u;
        var words = 0;
        foreach (var c in text.AsSpan())
        {
            if (char.IsLetterOrDigit(c) || c is '$' or '\'' or '!')
            {
                if (char.IsUpper(c)) upper++;
                if (length < MaxWordLength) hash = FeatureHash.Add(hash, char.ToLowerInvariant(c));
                length++;
                continue;
            }
            if (length == 0) continue;
            End(hash, length, upper, pairs, ref previous, vector);
            (hash, length, upper) = (seed, 0, 0);
            if (++words >= MaxWords) return;
        }
        if (length > 0) End(hash, length, upper, pairs, ref previous, vector);
    }

    private static void End(uint hash, int length, int upper, bool pairs, ref uint previous, FeatureVector vector)
    {
        if (length < 2) return;
        // Shouting is a signal of its own, apart from the word.
        if (upper == length && length >= 3) hash = FeatureHash.Add(hash, '^');
        vector.Add(hash);
        if (pairs && previous != 0) vector.Add(FeatureHash.Pair(previous, hash));
        previous = hash;
    }
}
