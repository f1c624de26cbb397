using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// A logistic regression over hashed features: one weight per bucket and a bias. The two calibrated logits say where
/// the classifier's points reach the engine's suspicious and malicious bands.
/// </summary>
public sealed class SpamModel
{
    private const string Magic = "RSPM";
    private const int FormatVersion = 2;
    private const string ResourceName = "Remediation.Core.Scanning.Classification.spam-model.bin";

    private static readonly Lazy<SpamModel> ShippedModel = new(LoadShipped);

    private readonly float[] _weights;

    public SpamModel(int bucketBits, float[] weights, float bias, float suspiciousLogit, float maliciousLogit)
    {
        if (weights.Length != 1 << bucketBits) throw new ArgumentException($"Expected {1 << bucketBits} weights.", nameof(weights));
        if (!(suspiciousLogit < maliciousLogit)) throw new ArgumentException("The suspicious logit must lie below the malicious one.", nameof(suspiciousLogit));
        BucketBits = bucketBits;
        _weights = weights;
        Bias = bias;
        SuspiciousLogit = suspiciousLogit;
        MaliciousLogit = maliciousLogit;
    }

    /// <summary>The model trained on the corpus's training split, shipped inside this assembly.</summary>
    public static SpamModel Shipped => ShippedModel.Value;

    public int BucketBits { get; }

    public float Bias { get; }

    /// <summary>The logit at which the classifier gives 5 points, the engine's suspicious band.</summary>
    public float SuspiciousLogit { get; }

    /// <summary>The logit at which the classifier gives 10 points, the engine's malicious band.</summary>
    public float MaliciousLogit { get; }

    /// <summary>Log-odds that the message is spam.</summary>
    public double Logit(ScannedMessage message) => Logits(message).Logit;

    /// <summary>
    /// Log-odds that the message is spam, and the part of them its words give: the body and subject blocks without the
    /// structure block (sender, relays, links, MIME build), which whoever sends a copy writes as they like.
    /// </summary>
    public (double Logit, double WordsLogit) Logits(ScannedMessage message)
    {
        var features = new List<HashedFeature>(1024);
        var structure = SpamFeatures.Extract(message, BucketBits, features);
        var words = Sum(Bias, features, 0, structure);
        return (Sum(words, features, structure, features.Count), words);
    }

    internal double Logit(IReadOnlyList<HashedFeature> features) => Sum(Bias, features, 0, features.Count);

    // The weighted features from one index to another, added in order to what came before them.
    private double Sum(double sum, IReadOnlyList<HashedFeature> features, int from, int to)
    {
        for (var i = from; i < to; i++) sum += _weights[features[i].Bucket] * features[i].Value;
        return sum;
    }

    /// <summary>The points the classifier adds to the verdict for this logit.</summary>
    public double Weight(double logit) => ClassifierWeight.Of(logit, SuspiciousLogit, MaliciousLogit);

    public static double Probability(double logit) => 1 / (1 + Math.Exp(-logit));

    /// <summary>Writes the model compressed; weights are stored at half precision.</summary>
    public void Save(Stream output)
    {
        using var compressed = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(compressed, Encoding.ASCII, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(FormatVersion);
        writer.Write(BucketBits);
        writer.Write(Bias);
        writer.Write(SuspiciousLogit);
        writer.Write(MaliciousLogit);
        var halves = new byte[_weights.Length * 2];
        for (var i = 0; i < _weights.Length; i++) BinaryPrimitives.WriteHalfLittleEndian(halves.AsSpan(i * 2), (Half)_weights[i]);
        writer.Write(halves);
    }

    public static SpamModel Load(Stream input)
    {
        using var decompressed = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(decompressed, Encoding.ASCII, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a spam model of this version.");
        }
        var bucketBits = reader.ReadInt32();
        if (bucketBits is < 8 or > 24) throw new InvalidDataException($"Unreasonable bucket count 2^{bucketBits}.");
        var bias = reader.ReadSingle();
        var suspicious = reader.ReadSingle();
        var malicious = reader.ReadSingle();
        var weights = new float[1 << bucketBits];
        var halves = reader.ReadBytes(weights.Length * 2);
        if (halves.Length != weights.Length * 2) throw new InvalidDataException("The model's weights are cut short.");
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(halves.AsSpan(i * 2));
        return new SpamModel(bucketBits, weights, bias, suspicious, malicious);
    }

    private static SpamModel LoadShipped()
    {
        using var resource = typeof(SpamModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no embedded resource {ResourceName}.");
        return Load(resource);
    }
}
