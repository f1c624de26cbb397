using Azure;
using Azure.Data.Tables;
using Remediation.Core.Audit;

namespace Remediation.Infrastructure.Storage;

/// <summary>The audit trail in Table storage: partition = campaign, row = mailbox and copy.</summary>
public sealed class TableAuditTrail(TableServiceClient tables) : IAuditTrail
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Audit);

    public async Task<AuditRecord?> FindAsync(string campaignId, string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(campaignId), RowKey(mailboxId, messageId), cancellationToken: cancellationToken);
        return found.HasValue ? ToRecord(found.Value!) : null;
    }

    public Task SaveAsync(AuditRecord record, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, cancellationToken);

    // Most copies are claimed once: the insert comes first, and only a copy with a record already costs a read.
    public async Task<AuditRecord?> TryClaimAsync(AuditRecord pending, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(pending), cancellationToken);
            return pending;
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
        }
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(pending.CampaignId), RowKey(pending.MailboxId, pending.MessageId), cancellationToken: cancellationToken);
        if (!existing.HasValue) return null;
        var current = ToRecord(existing.Value!);
        var claimable = current.Outcome is AuditOutcome.Failed or AuditOutcome.HeldByBreaker || (current.Outcome == AuditOutcome.Pending && pending.At - current.At > staleAfter);
        if (!claimable) return null;
        var claim = pending with { OriginalFolderId = current.OriginalFolderId ?? pending.OriginalFolderId };
        try
        {
            // The ETag makes the takeover atomic: of two jobs, one wins.
            await _table.UpdateEntityAsync(ToEntity(claim), existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            return claim;
        }
        catch (RequestFailedException error) when (error.Status == 412)
        {
            return null;
        }
    }

    // A claim of copies no job has touched, nearly every one, is one transaction per hundred rows of a campaign. A
    // transaction is all or nothing, so one that meets a record already there is claimed again copy by copy.
    public async Task<IReadOnlyList<AuditRecord>> TryClaimAllAsync(IReadOnlyList<AuditRecord> pending, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        List<AuditRecord> claims = [];
        foreach (var chunk in Transactions(pending))
        {
            if (await TryAddAllAsync(chunk, cancellationToken))
            {
                claims.AddRange(chunk);
                continue;
            }
            foreach (var record in chunk)
            {
                if (await TryClaimAsync(record, staleAfter, cancellationToken) is { } claim) claims.Add(claim);
            }
        }
        return claims;
    }

    private async Task<bool> TryAddAllAsync(AuditRecord[] records, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(records.Select(r => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(r))), cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException error) when (error.Status == 409)
        {
            return false;
        }
    }

    public async Task SaveAllAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        foreach (var chunk in Transactions(records))
        {
            await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(r))), cancellationToken);
        }
    }

    // A transaction holds at most 100 rows, all of one partition: one campaign.
    private static IEnumerable<AuditRecord[]> Transactions(IEnumerable<AuditRecord> records) =>
        records.GroupBy(r => r.CampaignId, StringComparer.Ordinal).SelectMany(campaign => campaign.Chunk(100));

    private static TableEntity ToEntity(AuditRecord record) =>
        new(TableKeys.Escape(record.CampaignId), RowKey(record.MailboxId, record.MessageId))
        {
            ["CampaignId"] = record.CampaignId,
            ["MailboxId"] = record.MailboxId,
            ["MessageId"] = record.MessageId,
            ["Action"] = record.Action,
            ["OriginalFolderId"] = record.OriginalFolderId,
            ["Outcome"] = record.Outcome.ToString(),
            ["Rules"] = string.Join(',', record.Rules),
            ["At"] = record.At,
            ["Detail"] = record.Detail,
            ["Actor"] = record.Actor,
        };

    public async Task<IReadOnlyList<AuditRecord>> ListAsync(string campaignId, string? mailboxId, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == TableKeys.Escape(campaignId), cancellationToken: cancellationToken))
        {
            var record = ToRecord(row);
            if (mailboxId is null || string.Equals(record.MailboxId, mailboxId, StringComparison.OrdinalIgnoreCase)) records.Add(record);
        }
        return records;
    }

    private static string RowKey(string mailboxId, string messageId) => TableKeys.Escape($"{mailboxId}|{messageId}");

    private static AuditRecord ToRecord(TableEntity row) => new(
        row.GetString("CampaignId"),
        row.GetString("MailboxId"),
        row.GetString("MessageId"),
        row.GetString("Action"),
        row.GetString("OriginalFolderId"),
        Enum.Parse<AuditOutcome>(row.GetString("Outcome")),
        row.GetString("Rules").Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        row.GetString("Detail"),
        row.GetString("Actor"));
}
