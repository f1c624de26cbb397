using Azure;
using Azure.Data.Tables;
using Remediation.Core.Hunting;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// Hunts in Table storage: partition = hunt id, one row for the hunt and its progress, one per finding; the
/// triggers' last look in a partition of their own.
/// </summary>
public sealed class TableHuntStore(TableServiceClient tables) : IHuntStore
{
    private const string HuntRow = "hunt";
    private const string FindingPrefix = "finding|";
    private const string TriggersPartition = "triggers";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Hunts);

    public async Task<bool> TryCreateAsync(Hunt hunt, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(TableKeys.Escape(hunt.Id), HuntRow)
            {
                ["Kind"] = hunt.Indicator.Kind.ToString(),
                ["Value"] = hunt.Indicator.Value,
                ["Since"] = hunt.Since,
                ["ReportOnly"] = hunt.ReportOnly,
                ["Trigger"] = hunt.Trigger.ToString(),
                ["RequestedBy"] = hunt.RequestedBy,
                ["RequestedAt"] = hunt.RequestedAt,
                ["Pages"] = 0,
                ["Matched"] = 0,
                ["Copies"] = 0,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            return false;
        }
    }

    public async Task<Hunt?> FindAsync(string huntId, CancellationToken cancellationToken) =>
        await RowAsync(huntId, cancellationToken) is { } row
            ? new Hunt(huntId, new Indicator(Enum.Parse<IndicatorKind>(row.GetString("Kind")), row.GetString("Value")), row.GetDateTimeOffset("Since")!.Value,
                row.GetBoolean("ReportOnly") ?? false, Enum.Parse<HuntTrigger>(row.GetString("Trigger")), row.GetString("RequestedBy"), row.GetDateTimeOffset("RequestedAt")!.Value)
            : null;

    public async Task<HuntProgress> ProgressAsync(string huntId, CancellationToken cancellationToken) =>
        await RowAsync(huntId, cancellationToken) is { } row
            ? new HuntProgress(row.GetString("Continuation") is { Length: > 0 } continuation ? continuation : null,
                row.GetInt32("Pages") ?? 0, row.GetInt32("Matched") ?? 0, row.GetInt32("Copies") ?? 0, row.GetDateTimeOffset("CompletedAt"))
            : HuntProgress.NotStarted;

    // One row holds where the hunt is and what it counted to there: they change together or not at all. A merge leaves
    // a column it is given no value for as it was, so the last page's end is written as an empty continuation, which
    // no page of the index ever has, or a completed hunt would go on naming the page it finished on. A completion
    // time, once written, stays: a completed hunt is never resumed.
    public Task SaveProgressAsync(string huntId, HuntProgress progress, CancellationToken cancellationToken) =>
        _table.UpdateEntityAsync(new TableEntity(TableKeys.Escape(huntId), HuntRow)
        {
            ["Continuation"] = progress.Continuation ?? "",
            ["Pages"] = progress.Pages,
            ["Matched"] = progress.Matched,
            ["Copies"] = progress.Copies,
            ["CompletedAt"] = progress.CompletedAt,
        }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    public async Task<IReadOnlyList<HuntFinding>> FindingsAsync(string huntId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(huntId)} and RowKey ge {FindingPrefix} and RowKey lt {"finding}"}");
        var findings = new List<HuntFinding>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            findings.Add(new HuntFinding(row.GetString("Key"), row.GetBoolean("Malicious") ?? false, row.GetString("CampaignId"), row.GetString("Category"),
                row.GetDouble("Score") ?? 0, row.GetString("Rules").Split(',', StringSplitOptions.RemoveEmptyEntries), row.GetString("MailboxId"), row.GetString("MessageId")));
        }
        return findings;
    }

    // The finding's key holds message ids.
    public Task AddFindingAsync(string huntId, HuntFinding finding, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(huntId), FindingPrefix + TableKeys.Hash(finding.Key))
        {
            ["Key"] = finding.Key,
            ["Malicious"] = finding.Malicious,
            ["CampaignId"] = finding.CampaignId,
            ["Category"] = finding.Category,
            ["Score"] = finding.Score,
            ["Rules"] = string.Join(',', finding.Rules),
            ["MailboxId"] = finding.MailboxId,
            ["MessageId"] = finding.MessageId,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<string?> LastSeenAsync(string name, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TriggersPartition, TableKeys.Escape(name), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.GetString("Value") ?? "" : null;
    }

    public Task SetLastSeenAsync(string name, string value, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(TriggersPartition, TableKeys.Escape(name)) { ["Value"] = value }, TableUpdateMode.Replace, cancellationToken);

    private async Task<TableEntity?> RowAsync(string huntId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(huntId), HuntRow, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }
}
