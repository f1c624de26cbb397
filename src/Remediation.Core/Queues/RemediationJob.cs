using System.Text.Json.Serialization;
using Remediation.Core.Remediation;

namespace Remediation.Core.Queues;

/// <summary>
/// Remediate the copies of one campaign in a few mailboxes. One queue message carries several mailboxes so their
/// copies share one queue write, one audit claim and one audit outcome write instead of each costing its own.
/// </summary>
/// <param name="Mailboxes">The mailboxes and what to act on in each.</param>
/// <param name="Action">What to do; null in report-only mode.</param>
/// <param name="NotifiedAt">When the campaign's first copy was announced, for time-to-remediate.</param>
/// <param name="Fingerprint">The campaign's content: a copy found by Message-ID is touched only when it matches.</param>
/// <param name="Approved">The SOC approved the campaign: its moves are outside the hourly cap on unapproved ones, and its
/// verdict stands for every copy of its content.</param>
/// <param name="SeedMessageId">The copy whose scan queued this work: judged already. Every other copy known by id (found
/// by the copy sweep) is judged again where it lies; null on jobs queued before it existed, which are not.</param>
public sealed record RemediationJob(
    string CampaignId,
    IReadOnlyList<MailboxCopies> Mailboxes,
    RemediationAction? Action,
    IReadOnlyList<string> Rules,
    DateTimeOffset NotifiedAt,
    string? Fingerprint = null,
    bool Approved = false,
    string? Letterhead = null,
    string? SeedMessageId = null);

/// <summary>What to act on in one mailbox.</summary>
/// <param name="MessageIds">Copies known by id (from the fingerprint index or the seed).</param>
/// <param name="InternetMessageIds">Message-IDs to search the mailbox for (copies not scanned yet).</param>
/// <param name="SendersMailbox">The mailbox of the message's sender (its From or Sender, in the tenant): what its search finds in
/// Drafts, the Outbox or Sent Items is the user's own copy, and stays. Written only when true: nearly no mailbox is.</param>
public sealed record MailboxCopies(string MailboxId, IReadOnlyList<string> MessageIds, IReadOnlyList<string> InternetMessageIds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool SendersMailbox = false);
