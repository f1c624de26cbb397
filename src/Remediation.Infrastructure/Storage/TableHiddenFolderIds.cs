using Azure.Data.Tables;
using Remediation.Core.Mailboxes;

namespace Remediation.Infrastructure.Storage;

/// <summary>The hidden folders' ids in Table storage: partition = folder name, row = mailbox.</summary>
public sealed class TableHiddenFolderIds(TableServiceClient tables) : IHiddenFolderIds
{
    // Table storage allows at most 15 comparisons in one filter: the partition's and 14 mailboxes'.
    private const int MailboxesPerQuery = 14;

    // Table storage's limit on one transaction.
    private const int RowsPerTransaction = 100;

    private readonly TableClient _table = tables.GetTableClient(TableNames.HiddenFolders);

    public async Task<IReadOnlyDictionary<string, string>> FindAsync(string displayName, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in mailboxIds.Distinct(StringComparer.Ordinal).Chunk(MailboxesPerQuery))
        {
            var rows = string.Join(" or ", chunk.Select(mailboxId => TableClient.CreateQueryFilter($"RowKey eq {TableKeys.Escape(mailboxId)}")));
            var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(displayName)}")} and ({rows})";
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found[entity.GetString(MailboxIdColumn)] = entity.GetString(FolderIdColumn);
            }
        }
        return found;
    }

    public async Task SaveAsync(string displayName, IReadOnlyDictionary<string, string> folderIdsByMailbox, CancellationToken cancellationToken)
    {
        foreach (var chunk in folderIdsByMailbox.Chunk(RowsPerTransaction))
        {
            await _table.SubmitTransactionAsync(chunk.Select(folder => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(TableKeys.Escape(displayName), TableKeys.Escape(folder.Key)) { [MailboxIdColumn] = folder.Key, [FolderIdColumn] = folder.Value })), cancellationToken);
        }
    }

    public async Task ForgetAsync(string displayName, string mailboxId, CancellationToken cancellationToken) =>
        await _table.DeleteEntityAsync(TableKeys.Escape(displayName), TableKeys.Escape(mailboxId), cancellationToken: cancellationToken);

    // The row key is the escaped id: the id itself is kept so that it comes back as it went in.
    private const string MailboxIdColumn = "MailboxId";
    private const string FolderIdColumn = "FolderId";
}
