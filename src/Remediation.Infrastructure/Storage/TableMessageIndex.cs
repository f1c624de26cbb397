using System.Globalization;
using Azure.Data.Tables;
using Remediation.Core.Campaigns;
using Remediation.Core.Indexing;
using Remediation.Core.Scanning;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// The message index in Table storage, one table: a row per message in its campaign key's partition (keyed by copy,
/// for the sweep) and in each hunt partition (keyed by arrival time then copy, so a window is one range read).
/// </summary>
public sealed class TableMessageIndex(TableServiceClient tables) : IMessageIndex
{
    private static readonly string[] CopyColumns = ["MailboxId", "MessageId", "InternetMessageId", "SentCopy"];

    private readonly TableClient _table = tables.GetTableClient(TableNames.MessageIndex);

    // The rows live in different partitions, which no transaction spans: they are written side by side.
    public Task RecordAsync(IndexedMessage message, CancellationToken cancellationToken)
    {
        var copy = $"{message.MailboxId}|{message.MessageId}";
        var rows = message.Entries()
            .Select(entry => Row(message, entry.Key, $"{ArrivalKey(message.ReceivedAt)}|{copy}", entry.Values))
            .Prepend(Row(message, IndexKeys.Campaign(message.CampaignKey), copy, []));
        return Task.WhenAll(rows.Select(row => _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken)));
    }

    public async Task<IReadOnlyList<CopyLocation>> CopiesAsync(string campaignKey, CancellationToken cancellationToken)
    {
        var copies = new List<CopyLocation>();
        var partition = TableKeys.Escape(IndexKeys.Campaign(campaignKey));
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: CopyColumns, cancellationToken: cancellationToken))
        {
            copies.Add(new CopyLocation(row.GetString("MailboxId"), row.GetString("MessageId"), row.GetString("InternetMessageId"), row.GetBoolean("SentCopy") ?? false));
        }
        return copies;
    }

    public async Task<IndexPage> PageAsync(string partitionKey, DateTimeOffset since, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(partitionKey)} and RowKey ge {ArrivalKey(since)}");
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            return new IndexPage([.. page.Values.Select(ToCopy)], page.ContinuationToken);
        }
        return new IndexPage([], null);
    }

    private static TableEntity Row(IndexedMessage message, string partition, string row, IReadOnlyList<string> values) =>
        new(TableKeys.Escape(partition), TableKeys.Escape(row))
        {
            ["MailboxId"] = message.MailboxId,
            ["MessageId"] = message.MessageId,
            ["InternetMessageId"] = message.InternetMessageId,
            ["ReceivedAt"] = message.ReceivedAt,
            ["CampaignKey"] = message.CampaignKey,
            ["Stands"] = message.StandsForCampaign,
            ["Band"] = message.Band.ToString(),
            // The column keeps its former name, so rows written before the rename read the same.
            ["SentCopy"] = message.IsOwnCopy,
            ["Values"] = values.Count == 0 ? null : string.Join(' ', values),
        };

    private static IndexedCopy ToCopy(TableEntity row) => new(
        row.GetString("MailboxId"),
        row.GetString("MessageId"),
        row.GetString("InternetMessageId"),
        row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        row.GetString("CampaignKey"),
        row.GetBoolean("Stands") ?? false,
        Enum.TryParse<VerdictBand>(row.GetString("Band"), out var band) ? band : VerdictBand.Clean,
        row.GetBoolean("SentCopy") ?? false,
        row.GetString("Values")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []);

    // Sortable as text: the row keys of one partition run in arrival order.
    private static string ArrivalKey(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
