using Azure;
using Azure.Data.Tables;
using Remediation.Core.Scanning;
using Remediation.Core.Verdicts;

namespace Remediation.Infrastructure.Storage;

/// <summary>Verdicts in Table storage: partition = mailbox, row = immutable message id.</summary>
public sealed class TableVerdictStore(TableServiceClient tables) : IVerdictStore
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Verdicts);

    public async Task<bool> ContainsAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Escape(mailboxId), TableKeys.Escape(messageId), select: ["PartitionKey"], cancellationToken);
        return found.HasValue;
    }

    public Task SaveAsync(VerdictRecord verdict, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(verdict.MailboxId), TableKeys.Escape(verdict.MessageId))
        {
            ["InternetMessageId"] = verdict.InternetMessageId,
            ["Band"] = verdict.Band.ToString(),
            ["Category"] = verdict.Category.ToString(),
            ["Score"] = verdict.Score,
            ["Rules"] = string.Join(',', verdict.Rules),
            ["ScannedAt"] = verdict.ScannedAt,
        }, TableUpdateMode.Replace, cancellationToken);
}
