using System.Collections.Concurrent;
using Azure.Data.Tables;
using Remediation.Core.Mailboxes;

namespace Remediation.Infrastructure.Storage;

/// <summary>The hidden folders' ids in Table storage: partition = folder name, row = mailbox.</summary>
public sealed class TableHiddenFolderIds(TableServiceClient tables) : IHiddenFolderIds
{
    // Table storage's limit on one transaction.
    private const int RowsPerTransaction = 100;

    private readonly TableClient _table = tables.GetTableClient(TableNames.HiddenFolders);

    // Each mailbox's row by both keys, the only read every store answers from its index: a filter naming several rows
    // is a scan of the folder's partition, one row per mailbox of the tenant, on Table storage and the emulator alike.
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(string displayName, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var partition = TableKeys.Escape(displayName);
        await Parallel.ForEachAsync(mailboxIds.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (mailboxId, ct) =>
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Escape(mailboxId), [FolderIdColumn], ct);
            if (row is { HasValue: true, Value: { } entity } && entity.GetString(FolderIdColumn) is { } folderId) found[mailboxId] = folderId;
        });
        return found;
    }

    public async Task SaveAsync(string displayName, IReadOnlyDictionary<string, string> folderIdsByMailbox, CancellationToken cancellationToken)
    {
        foreach (var chunk in folderIdsByMailbox.Chunk(RowsPerTransaction))
        {
            await _table.SubmitTransactionAsync(chunk.Select(folder => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(TableKeys.Escape(displayName), TableKeys.Escape(folder.Key)) { [FolderIdColumn] = folder.Value })), cancellationToken);
        }
    }

    public async Task ForgetAsync(string displayName, string mailboxId, CancellationToken cancellationToken) =>
        await _table.DeleteEntityAsync(TableKeys.Escape(displayName), TableKeys.Escape(mailboxId), cancellationToken: cancellationToken);

    private const string FolderIdColumn = "FolderId";
}
