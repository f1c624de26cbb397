using Remediation.Core.Scanning;

namespace Remediation.Core.Indexing;

/// <summary>One message a hunt found in the index.</summary>
/// <param name="IsOwnCopy">Its user's own copy (in Drafts, the Outbox or Sent Items): never moved.</param>
/// <param name="Values">What the partition filed it under: the hosts of that domain it links to, or its senders there.</param>
public sealed record IndexedCopy(
    string MailboxId,
    string MessageId,
    string? InternetMessageId,
    DateTimeOffset ReceivedAt,
    string CampaignKey,
    bool StandsForCampaign,
    VerdictBand Band,
    bool IsOwnCopy,
    IReadOnlyList<string> Values);

/// <summary>One page of a hunt's matches, and where the next begins (null at the end).</summary>
public sealed record IndexPage(IReadOnlyList<IndexedCopy> Copies, string? Continuation);
