using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

/// <summary>Runs one feature extractor and answers which tokens it produced.</summary>
internal sealed class Features
{
    private const int Bits = 20;
    private readonly HashSet<int> _buckets;

    private Features(List<HashedFeature> vector) => _buckets = [.. vector.Select(f => f.Bucket)];

    /// <summary>How many distinct features the extractor produced.</summary>
    public int Count => _buckets.Count;

    public static Features Of(Action<FeatureVector> extract)
    {
        var output = new List<HashedFeature>();
        var vector = new FeatureVector(Bits, output);
        extract(vector);
        vector.Complete();
        return new Features(output);
    }

    public bool Has(char field, string token) => _buckets.Contains(BucketOf(field, token));

    /// <summary>The bucket a token lands in at the extractors' 2^20 buckets.</summary>
    public static int BucketOf(char field, string token)
    {
        var output = new List<HashedFeature>();
        var vector = new FeatureVector(Bits, output);
        vector.Add(field, token);
        vector.Complete();
        return output[0].Bucket;
    }
}
