using System.Globalization;
using Remediation.Core.Campaigns;

namespace Remediation.Core.Indexing;

/// <summary>
/// The message index of one process: the twin of the Table index, so a stage that sweeps or hunts can be tested without
/// storage. Rows are kept per partition under the Table index's row keys (the copy in a campaign partition, arrival
/// time then copy in a hunt partition), so filing again replaces a row and a page runs in the same order.
/// </summary>
public sealed class InMemoryMessageIndex : IMessageIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, IndexedCopy>> _partitions = new(StringComparer.Ordinal);

    public Task RecordAsync(IndexedMessage message, CancellationToken cancellationToken)
    {
        var copy = $"{message.MailboxId}|{message.MessageId}";
        lock (_gate)
        {
            File(IndexKeys.Campaign(message.CampaignKey), copy, message, []);
            foreach (var (key, values) in message.Entries()) File(key, $"{ArrivalKey(message.ReceivedAt)}|{copy}", message, values);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CopyLocation>> CopiesAsync(string campaignKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<CopyLocation> copies = [.. Rows(IndexKeys.Campaign(campaignKey))
                .Select(row => new CopyLocation(row.Value.MailboxId, row.Value.MessageId, row.Value.InternetMessageId, row.Value.IsOwnCopy))];
            return Task.FromResult(copies);
        }
    }

    // The continuation is the row key the next page starts at.
    public Task<IndexPage> PageAsync(string partitionKey, DateTimeOffset since, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var from = continuation ?? ArrivalKey(since);
        lock (_gate)
        {
            var rows = Rows(partitionKey).Where(row => string.CompareOrdinal(row.Key, from) >= 0).Take(pageSize + 1).ToList();
            var next = rows.Count > pageSize ? rows[pageSize].Key : null;
            return Task.FromResult(new IndexPage([.. rows.Take(pageSize).Select(row => row.Value)], next));
        }
    }

    private IEnumerable<KeyValuePair<string, IndexedCopy>> Rows(string partitionKey) =>
        _partitions.TryGetValue(partitionKey, out var rows) ? rows : [];

    private void File(string partitionKey, string rowKey, IndexedMessage message, IReadOnlyList<string> values)
    {
        if (!_partitions.TryGetValue(partitionKey, out var rows)) _partitions[partitionKey] = rows = new(StringComparer.Ordinal);
        rows[rowKey] = new IndexedCopy(
            message.MailboxId, message.MessageId, message.InternetMessageId, message.ReceivedAt.ToUniversalTime(), message.CampaignKey,
            message.StandsForCampaign, message.Band, message.IsOwnCopy, [.. values]);
    }

    private static string ArrivalKey(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
