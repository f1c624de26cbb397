using Azure.Data.Tables;
using Azure.Storage.Queues;
using Remediation.LocalHost;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>Azurite's debug log read back as storage calls by kind: what the campaign bench counts per mailbox.</summary>
public sealed class StorageRequestLogTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(persistent: false, logRequests: true);

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task CallsOfEachKind_AreCountedUnderTheirQueueOrTable()
    {
        var queue = new QueueClient(_azurite.ConnectionString, "jobs");
        await queue.CreateAsync();
        await queue.SendMessageAsync("one");
        await queue.SendMessageAsync("two");
        var received = (await queue.ReceiveMessagesAsync(maxMessages: 2)).Value;
        foreach (var message in received) await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        var table = new TableClient(_azurite.ConnectionString, "audit");
        await table.CreateAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.GetEntityAsync<TableEntity>("p", "r");
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Outcome"] = "Remediated" }, TableUpdateMode.Merge);
        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "s"))]);

        var calls = await _azurite.StorageCallsByKindAsync();

        Assert.Equal(2, calls["Queue jobs enqueue"]);
        Assert.Equal(1, calls["Queue jobs receive"]);
        Assert.Equal(2, calls["Queue jobs delete"]);
        Assert.Equal(1, calls["Table audit insert"]);
        Assert.Equal(1, calls["Table audit read"]);
        Assert.Equal(1, calls["Table audit merge"]);
        Assert.Equal(1, calls["Table batch"]);
    }
}
