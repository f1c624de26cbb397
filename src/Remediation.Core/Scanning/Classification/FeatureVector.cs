namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// Builds a message's feature vector block by block (body words, subject words, the message's structure). Each block
/// is scaled to the same length and the whole vector to unit length, so a long body cannot drown the few facts about
/// the sender and the shape of the message, and long and short messages weigh alike.
/// </summary>
internal sealed class FeatureVector(int bucketBits, List<HashedFeature> output)
{
    private readonly int _mask = (1 << bucketBits) - 1;
    private readonly List<int> _block = new(512);
    private readonly int _start = output.Count;
    private int _blocks;

    public void Add(uint hash) =>
        // Fold the high bits in: FNV's low bits alone spread poorly.
        _block.Add((int)((hash ^ (hash >> 15)) & (uint)_mask));

    public void Add(char field, string token) => Add(FeatureHash.Add(FeatureHash.Seed(field), token));

    /// <summary>Closes the current block: each distinct bucket once, the block scaled to unit length.</summary>
    public void EndBlock()
    {
        _block.Sort();
        var distinct = 0;
        for (var i = 0; i < _block.Count; i++)
        {
            if (i == 0 || _block[i] != _block[i - 1]) _block[distinct++] = _block[i];
        }
        if (distinct > 0)
        {
            var value = (float)(1 / Math.Sqrt(distinct));
            for (var i = 0; i < distinct; i++) output.Add(new HashedFeature(_block[i], value));
            _blocks++;
        }
        _block.Clear();
    }

    /// <summary>Scales the blocks together to unit length.</summary>
    public void Complete()
    {
        EndBlock();
        if (_blocks <= 1) return;
        var scale = (float)(1 / Math.Sqrt(_blocks));
        for (var i = _start; i < output.Count; i++) output[i] = output[i] with { Value = output[i].Value * scale };
    }
}
