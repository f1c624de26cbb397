using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;

namespace Remediation.Core.Scanning;

/// <summary>What the scan stage decided about one message, and under which campaign it acts.</summary>
/// <param name="CampaignId">Campaign memory's campaign, else the content's campaign key, else a key of this message alone.</param>
/// <param name="MaliciousAlone">Malicious on its own evidence, not only as a copy of a known campaign.</param>
/// <param name="IsOwnCopy">The user's own copy, being written, waiting to go or sent (Drafts, the Outbox, Sent Items).</param>
/// <param name="Letterhead">What every copy must show besides the content, when the headers alone made the message malicious.</param>
public sealed record Judgement(MailboxMessage Message, Verdict Verdict, string CampaignId, bool MaliciousAlone, bool IsOwnCopy, string? Letterhead = null)
{
    /// <summary>The seed from which the campaign stage finds and remediates every copy.</summary>
    /// <param name="notifiedAt">When the pipeline learned of the message (or of what makes it malicious).</param>
    public MaliciousMessage Seed(DateTimeOffset notifiedAt) => new(
        CampaignId, Message.MailboxId, Message.MessageId, Message.InternetMessageId, Verdict.Category, Verdict.Score,
        Verdict.RuleNames, notifiedAt, Verdict.Fingerprint.Id, IsOwnCopy, Letterhead, Verdict.CopyBound);

    /// <summary>
    /// Whether the campaign stage has anything to do: a malicious copy, unless it is the user's own copy (which never
    /// passes inbound transport) malicious only for that: it is never moved, and it leads to no other copy.
    /// </summary>
    public bool HasCampaignWork => Verdict.IsMalicious && !(IsOwnCopy && Verdict.CopyBound);
}
