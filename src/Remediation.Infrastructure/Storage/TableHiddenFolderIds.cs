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

    // Each mailbox's row by both keys: a filter naming a job's mailboxes would scan the folder's partition, one row per
    // mailbox of the tenant.
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(string displayName, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await _table.ReadEachAsync(TableKeys.Escape(displayName), mailboxIds.Distinct(StringComparer.Ordinal), TableKeys.Escape, [FolderIdColumn], (mailboxId, row) =>
        {
            if (row.GetString(FolderIdColumn) is { } folderId) found[mailboxId] = folderId;
        }, cancellationToken);
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
