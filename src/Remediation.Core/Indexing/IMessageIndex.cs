using Remediation.Core.Campaigns;

namespace Remediation.Core.Indexing;

/// <summary>
/// Every scanned message, filed by its campaign key and by everything a hunt may name later, so that what the tenant
/// learns after delivery finds the copies without reading a mailbox.
/// </summary>
public interface IMessageIndex
{
    /// <summary>Files the message under each of its entries; filing it again changes nothing.</summary>
    Task RecordAsync(IndexedMessage message, CancellationToken cancellationToken);

    /// <summary>Every scanned copy with this campaign key: what the campaign stage sweeps.</summary>
    Task<IReadOnlyList<CopyLocation>> CopiesAsync(string campaignKey, CancellationToken cancellationToken);

    /// <summary>
    /// One page (at most <paramref name="pageSize"/>) of the messages filed under the partition <paramref name="partitionKey"/>
    /// that arrived at or after <paramref name="since"/>, oldest first; pass the page's continuation to read the next.
    /// </summary>
    Task<IndexPage> PageAsync(string partitionKey, DateTimeOffset since, string? continuation, int pageSize, CancellationToken cancellationToken);
}
