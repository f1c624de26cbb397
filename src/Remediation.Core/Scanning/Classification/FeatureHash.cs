namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// FNV-1a over UTF-16 code units, stable across processes and machines, so a model trained on one machine scores
/// alike on every other. Each kind of feature starts from its own seed, so the same token in two fields is two features.
/// </summary>
internal static class FeatureHash
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static uint Seed(char field) => Add(Offset, field);

    public static uint Add(uint hash, char c)
    {
        hash = (hash ^ (c & 0xFFu)) * Prime;
        return (hash ^ (uint)(c >> 8)) * Prime;
    }

    public static uint Add(uint hash, string text)
    {
        foreach (var c in text) hash = Add(hash, c);
        return hash;
    }

    /// <summary>A feature for two words in a row.</summary>
    public static uint Pair(uint previous, uint current) => (previous * Prime) ^ current ^ 0x9E3779B9u;
}
