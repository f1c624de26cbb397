using System.Text.Json.Serialization;

namespace Remediation.Core.Scanning;

/// <summary>
/// One rule that fired: how much it counts, what it suggests, and why, in words an analyst reads. A hit whose
/// category is <see cref="ThreatCategory.Clean"/> is neutral evidence (provenance, for example): it adds to the
/// score but never names the threat.
/// </summary>
public sealed record RuleHit(string Rule, double Weight, ThreatCategory Category, string Reason)
{
    /// <summary>
    /// The part of <see cref="Weight"/> that rests on what the sender writes around the content (a Reply-To, the
    /// sender's mail service) rather than on the content itself: it counts for this message, and not as
    /// <see cref="ContentEvidence"/>, since anyone can wrap another sender's harmless body that way.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double WeightAroundContent { get; init; }
}
