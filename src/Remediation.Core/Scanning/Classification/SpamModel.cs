using System.IO.Compression;
using System.Text;

namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// A logistic regression over hashed text features: one weight per bucket and a bias. The two calibrated logits
/// say where the engine's suspicious and malicious bands begin when the classifier is the only evidence.
/// </summary>
public sealed class SpamModel
{
    private const string Magic = "RSPM";
    private const int FormatVersion = 1;
    private const string ResourceName = "Remediation.Core.Scanning.Classification.spam-model.bin";

    private static readonly Lazy<SpamModel> ShippedModel = new(LoadShipped);

    private readonly float[] _weights;

    public SpamModel(int bucketBits, float[] weights, float bias, float suspiciousLogit, float maliciousLogit)
    {
        if (weights.Length != 1 << bucketBits) throw new ArgumentException($"Expected {1 << bucketBits} weights.", nameof(weights));
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

    /// <summary>The logit at which the classifier alone puts a message in the suspicious band.</summary>
    public float SuspiciousLogit { get; }

    /// <summary>The logit at which the classifier alone puts a message in the malicious band.</summary>
    public float MaliciousLogit { get; }

    /// <summary>Log-odds that the message is spam.</summary>
    public double Logit(ScannedMessage message)
    {
        var buckets = new List<int>(512);
        SpamFeatures.Extract(message, BucketBits, buckets);
        return Logit(buckets);
    }

    internal double Logit(List<int> buckets)
    {
        var sum = 0.0;
        foreach (var bucket in buckets) sum += _weights[bucket];
        return Bias + sum * Scale(buckets.Count);
    }

    // Each message's feature vector has unit length, so long and short messages weigh alike.
    internal static double Scale(int features) => features == 0 ? 0 : 1 / Math.Sqrt(features);

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
        foreach (var weight in _weights) writer.Write((Half)weight);
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
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)reader.ReadHalf();
        return new SpamModel(bucketBits, weights, bias, suspicious, malicious);
    }

    private static SpamModel LoadShipped()
    {
        using var resource = typeof(SpamModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no embedded resource {ResourceName}.");
        return Load(resource);
    }
}
