namespace Remediation.Core.Scanning.Classification;

/// <summary>One non-zero entry of a message's feature vector: a hash bucket and its value.</summary>
internal readonly record struct HashedFeature(int Bucket, float Value);
