using Azure.Data.Tables;
using Remediation.Core.Scanning;
using Remediation.Core.Verdicts;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Scanning;

/// <summary>The verdict store in Table storage (Azurite): one row per message, partition = mailbox, row = message id.</summary>
public sealed class TableVerdictStoreTests(AzuriteFixture azurite) : VerdictStoreContract, IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private IVerdictStore _store = null!;
    private TableClient _table = null!;

    protected override IVerdictStore Store => _store;

    // No port reads a verdict back; its columns are what an analyst queries.
    protected override async Task<VerdictRecord?> StoredAsync(string mailboxId, string messageId)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(mailboxId, messageId);
        if (!found.HasValue || found.Value is not { } row) return null;
        return new VerdictRecord(
            mailboxId, messageId, row.GetString("InternetMessageId"),
            Enum.Parse<VerdictBand>(row.GetString("Band")), Enum.Parse<ThreatCategory>(row.GetString("Category")),
            row.GetDouble("Score") ?? double.NaN, (row.GetString("Rules") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            row.GetDateTimeOffset("ScannedAt") ?? DateTimeOffset.MinValue);
    }

    public async Task InitializeAsync()
    {
        var tables = await azurite.ProvisionedTablesAsync();
        _store = new TableVerdictStore(tables);
        _table = tables.GetTableClient(TableNames.Verdicts);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
