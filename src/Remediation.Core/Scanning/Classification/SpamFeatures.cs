namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// Turns a message into hashed features for the spam classifier, in three blocks of equal weight: the words and word
/// pairs of the body, the words of the subject, and the message's structure (sender, relays, links, MIME build).
/// Hashing keeps the model a fixed, small size and needs no vocabulary.
/// </summary>
internal static class SpamFeatures
{
    /// <returns>Where the structure block begins: the features before it are the words the message says.</returns>
    public static int Extract(ScannedMessage message, int bucketBits, List<HashedFeature> features)
    {
        features.Clear();
        var vector = new FeatureVector(bucketBits, features);
        Words.Add(message.VisibleText, 'b', pairs: true, vector);
        vector.EndBlock();
        Words.Add(message.Subject, 's', pairs: false, vector);
        vector.EndBlock();
        var structure = features.Count;
        SenderFeatures.Add(message, vector);
        SubjectFeatures.Add(message.Subject, vector);
        RelayFeatures.Add(message.Mime, vector);
        LinkFeatures.Add(message, vector);
        StructureFeatures.Add(message, vector);
        vector.Complete();
        return structure;
    }
}
