using Azure.Data.Tables;
using Remediation.Core.Subscriptions;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// The subscription registry in Table storage. Three kinds of rows: mailbox → subscription, subscription →
/// mailbox (lifecycle notifications name only the subscription), and mailbox + folder id → delta link.
/// </summary>
public sealed class TableSubscriptionRegistry(TableServiceClient tables) : ISubscriptionRegistry
{
    private const string ByMailbox = "mailbox";
    private const string BySubscription = "subscription";
    private const string DeltaPrefix = "delta-";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Subscriptions);

    public async Task<MailboxSubscription?> FindByMailboxAsync(string mailboxId, CancellationToken cancellationToken) =>
        ToSubscription(await GetAsync(ByMailbox, mailboxId, cancellationToken));

    public async Task<MailboxSubscription?> FindBySubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ToSubscription(await GetAsync(BySubscription, subscriptionId, cancellationToken));

    public async IAsyncEnumerable<MailboxSubscription> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == ByMailbox, cancellationToken: cancellationToken))
        {
            yield return ToSubscription(entity)!;
        }
    }

    public async Task SaveAsync(MailboxSubscription subscription, CancellationToken cancellationToken)
    {
        // The reverse row first: a crash in between leaves a findable subscription, never an orphan mailbox row.
        await _table.UpsertEntityAsync(ToEntity(BySubscription, subscription.SubscriptionId, subscription), TableUpdateMode.Replace, cancellationToken);
        await _table.UpsertEntityAsync(ToEntity(ByMailbox, subscription.MailboxId, subscription), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<string?> GetDeltaLinkAsync(string mailboxId, string folderId, CancellationToken cancellationToken) =>
        (await GetAsync(DeltaPrefix + mailboxId, folderId, cancellationToken))?.GetString("DeltaLink");

    public Task SaveDeltaLinkAsync(string mailboxId, string folderId, string? deltaLink, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(TableKeys.Escape(DeltaPrefix + mailboxId), TableKeys.Escape(folderId)) { ["DeltaLink"] = deltaLink },
            TableUpdateMode.Replace,
            cancellationToken);

    private async Task<TableEntity?> GetAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(partition), TableKeys.Escape(row), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private static TableEntity ToEntity(string partition, string row, MailboxSubscription subscription) =>
        new(partition, TableKeys.Escape(row))
        {
            ["MailboxId"] = subscription.MailboxId,
            ["SubscriptionId"] = subscription.SubscriptionId,
            ["ExpiresAt"] = subscription.ExpiresAt,
        };

    private static MailboxSubscription? ToSubscription(TableEntity? entity) =>
        entity is null ? null : new MailboxSubscription(entity.GetString("MailboxId"), entity.GetString("SubscriptionId"), entity.GetDateTimeOffset("ExpiresAt")!.Value);
}
