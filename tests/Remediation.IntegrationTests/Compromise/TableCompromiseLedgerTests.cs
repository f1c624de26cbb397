using System.Globalization;
using Azure.Data.Tables;
using Remediation.Core.Compromise;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Compromise;

/// <summary>The compromise ledger in Table storage (Azurite), where instances race through ETags; its audit rows read back as stored.</summary>
public sealed class TableCompromiseLedgerTests(AzuriteFixture azurite) : CompromiseLedgerContract, IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ICompromiseLedger _ledger = null!;
    private TableClient _table = null!;

    protected override ICompromiseLedger Ledger => _ledger;

    public async Task InitializeAsync()
    {
        var tables = await azurite.ProvisionedTablesAsync();
        _ledger = new TableCompromiseLedger(tables);
        _table = tables.GetTableClient(TableNames.Compromise);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task<IReadOnlyList<RecordedResponse>> ResponsesAsync(string mailboxId) =>
        [.. (await RowsAsync(mailboxId, "response|")).Select(row => new RecordedResponse(
            mailboxId,
            row.GetString("Response"),
            row.GetString("Messages").Split(','),
            row.GetString("Campaigns").Split(','),
            row.GetDateTimeOffset("FirstSeen")!.Value,
            row.GetDateTimeOffset("LastSeen")!.Value,
            row.GetDateTimeOffset("At")!.Value))];

    protected override async Task<IReadOnlyList<RecordedRevocation>> RevocationsAsync(string mailboxId) =>
        [.. (await RowsAsync(mailboxId, "revoked|")).Select(row => new RecordedRevocation(
            mailboxId,
            new DateTimeOffset(long.Parse(row.RowKey["revoked|".Length..], CultureInfo.InvariantCulture), TimeSpan.Zero),
            row.GetDateTimeOffset("At")!.Value))];

    /// <summary>The mailbox's rows under a prefix, in key order (oldest first: the keys end in zero-padded ticks).</summary>
    private async Task<List<TableEntity>> RowsAsync(string mailboxId, string prefix)
    {
        List<TableEntity> rows = [];
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == mailboxId))
        {
            if (row.RowKey.StartsWith(prefix, StringComparison.Ordinal)) rows.Add(row);
        }
        return rows;
    }
}
