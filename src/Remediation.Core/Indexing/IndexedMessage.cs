using Remediation.Core.Scanning;

namespace Remediation.Core.Indexing;

/// <summary>
/// What the index keeps of one scanned message: where it is, what campaign its content belongs to, and what a hunt
/// may later name (its link hosts, senders, attachment hashes, fingerprint).
/// </summary>
/// <param name="CampaignKey">The fingerprint and subject's key: what the copy sweep groups copies by.</param>
/// <param name="StandsForCampaign">Whether the content is enough to stand for a campaign (see <see cref="MessageFingerprint.CanStandForCampaign"/>).</param>
/// <param name="Band">The verdict at scan time: a re-scan after an engine change reads only what was clean or suspicious.</param>
/// <param name="IsOwnCopy">The user's own copy (in Drafts, the Outbox or Sent Items): it leads to the other copies and stays.</param>
public sealed record IndexedMessage(
    string MailboxId,
    string MessageId,
    string? InternetMessageId,
    DateTimeOffset ReceivedAt,
    string CampaignKey,
    bool StandsForCampaign,
    string FingerprintId,
    VerdictBand Band,
    bool IsOwnCopy,
    IReadOnlyList<string> UrlHosts,
    IReadOnlyList<string> Senders,
    IReadOnlyList<string> AttachmentSha256)
{
    // A message linking to hundreds of domains costs a row each; beyond this many the rest is not hunted by domain.
    public const int MaxDomainsIndexed = 32;

    // A From header may name a thousand addresses; a re-scan tells senders apart by the first few.
    private const int MaxSendersFiled = 4;

    // A domain's partition files the hosts or senders a hunt checks; a message naming hundreds in one domain files the
    // first of them.
    public const int MaxValuesPerEntry = 32;

    public static IndexedMessage Of(Mailboxes.MailboxMessage message, Verdict verdict, bool isOwnCopy, DateTimeOffset scannedAt) => new(
        message.MailboxId,
        message.MessageId,
        message.InternetMessageId,
        message.ReceivedAt ?? scannedAt,
        verdict.Fingerprint.CampaignId,
        verdict.Fingerprint.CanStandForCampaign,
        verdict.Fingerprint.Id,
        verdict.Band,
        isOwnCopy,
        verdict.Fingerprint.UrlHosts,
        [.. message.Mime.From.Mailboxes.Concat(message.Mime.Sender is null ? [] : [message.Mime.Sender])
            .Select(m => m.Address.ToLowerInvariant()).Where(Mailboxes.MailAddresses.CanExist).Distinct(StringComparer.Ordinal)],
        verdict.Fingerprint.AttachmentSha256);

    /// <summary>Every partition this message is filed under, each with the values a hunt's indicator is checked against.</summary>
    public IEnumerable<(string Key, IReadOnlyList<string> Values)> Entries()
    {
        // Filed with its senders: a re-scan judges a content once for each sender, as a new engine may read the
        // sender differently (a decoy copy from a neutral sender must not stand for the wave).
        yield return (IndexKeys.AnyMessage, [.. Senders.Take(MaxSendersFiled)]);
        yield return (IndexKeys.Fingerprint(FingerprintId), []);
        // A host longer than DNS allows, like an address longer than any mailbox has, reaches nobody: the sender writes it
        // only to make the row larger than Table storage takes (64 KiB a value, 1 KiB a key), which would fail the scan
        // before the copy is remediated, so it is not filed.
        foreach (var hosts in UrlHosts.Where(h => h.Length <= Scanning.Domains.RegistrableDomain.MaxHostLength).GroupBy(IndexKeys.UrlDomain, StringComparer.Ordinal).Take(MaxDomainsIndexed))
        {
            yield return (hosts.Key, [.. hosts.Take(MaxValuesPerEntry)]);
        }
        foreach (var senders in Senders.GroupBy(s => IndexKeys.SenderDomain(s[(s.LastIndexOf('@') + 1)..]), StringComparer.Ordinal).Take(MaxDomainsIndexed))
        {
            yield return (senders.Key, [.. senders.Take(MaxValuesPerEntry)]);
        }
        foreach (var hash in AttachmentSha256.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxDomainsIndexed))
        {
            yield return (IndexKeys.Attachment(hash), []);
        }
    }
}
