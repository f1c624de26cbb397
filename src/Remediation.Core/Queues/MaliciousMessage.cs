using System.Text.Json.Serialization;
using Remediation.Core.Scanning;

namespace Remediation.Core.Queues;

/// <summary>
/// A copy the scan stage judged malicious: the seed from which the campaign stage finds every other copy. Its
/// recipients are read from the message itself when needed: a mass mailing's list would not fit a queue message.
/// </summary>
/// <param name="CampaignId">The message's fingerprint id: copies with their own Message-IDs still share it.</param>
/// <param name="NotifiedAt">When the pipeline first heard of this copy: the start of the time-to-remediate clock.</param>
/// <param name="Fingerprint">The content every copy must match before it is touched; null on seeds queued before it
/// existed, whose campaign id is their fingerprint.</param>
/// <param name="OwnCopy">The seed is its user's own copy (in Drafts, the Outbox or Sent Items): it leads to the other copies
/// and stays where it is, as the user's work or as evidence. Serialized under its former name, <c>sentCopy</c>, which queued seeds and stored campaigns carry.</param>
/// <param name="Letterhead">For a message its headers alone made malicious: the sender, reply address and subject
/// every copy must show as well as the content (<see cref="Scanning.Letterhead"/>); null when the content itself is the evidence.</param>
/// <param name="CopyBound">Malicious only through how this copy came into its mailbox (<see cref="Scanning.Verdict.CopyBound"/>):
/// the campaign stage acts on this copy alone, and on the others only once the SOC approves the campaign (or a seed
/// whose content reaches the score floor takes it over).</param>
public sealed record MaliciousMessage(
    string CampaignId,
    string MailboxId,
    string MessageId,
    string? InternetMessageId,
    ThreatCategory Category,
    double Score,
    IReadOnlyList<string> Rules,
    DateTimeOffset NotifiedAt,
    string? Fingerprint = null,
    [property: JsonPropertyName("sentCopy")] bool OwnCopy = false,
    string? Letterhead = null,
    bool CopyBound = false)
{
    public string ContentFingerprint => Fingerprint ?? CampaignId;

    /// <summary>
    /// The score without the points for how this copy arrived (<see cref="Scanning.ArrivalEvidence"/>), read from its
    /// rules, so seeds and campaigns stored before it existed say it too: what speaks for copies that came another way.
    /// </summary>
    [JsonIgnore]
    public double ContentScore => Math.Round(Score - ArrivalEvidence.PointsOf(Rules), 2);
}
