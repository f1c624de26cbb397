using Azure;
using Azure.Data.Tables;
using Remediation.Core.Campaigns;
using Remediation.Core.Queues;
using Remediation.Core.Scanning;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// Campaigns in Table storage: one row per campaign (partition = campaign id), which also keeps the campaign's reach,
/// plus one row per dispatched piece of work and one per mailbox it claimed as reached, each read by both keys.
/// </summary>
public sealed class TableCampaignStore(TableServiceClient tables) : ICampaignStore
{
    private const string CampaignRow = "campaign";
    private const string DispatchPrefix = "dispatch|";
    private const string ReachedPrefix = "reached|";
    private const string ScopeProperty = "Scope";
    private const string ItemProperty = "Item";
    private const string ReachProperty = "Reach";
    private const int RowsPerPage = 1_000;
    private const int MaxTransactionSize = 100;

    private readonly TableClient _campaigns = tables.GetTableClient(TableNames.Campaigns);

    public async Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken)
    {
        var found = await _campaigns.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(campaignId), CampaignRow, cancellationToken: cancellationToken);
        return found.HasValue ? ToCampaign(found.Value!) : null;
    }

    public async Task<(Campaign Campaign, bool Created)> GetOrAddAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        try
        {
            await _campaigns.AddEntityAsync(ToEntity(campaign), cancellationToken);
            return (campaign, true);
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            return ((await FindAsync(campaign.Id, cancellationToken))!, false);
        }
    }

    public Task<bool> TryHoldAsync(string campaignId, CancellationToken cancellationToken) =>
        TryChangeAsync(campaignId, IsActive, row => row["Status"] = nameof(CampaignStatus.Held), cancellationToken);

    public Task<bool> TryPromoteAsync(string campaignId, MaliciousMessage seed, CancellationToken cancellationToken) =>
        TryChangeAsync(campaignId, IsActive, row => SetVerdict(row, seed.Category, seed.Score, seed.Rules, seed), cancellationToken);

    public Task<bool> TryActivateAsync(string campaignId, MaliciousMessage seed, double floor, CancellationToken cancellationToken) =>
        TryChangeAsync(campaignId, row => row.GetString("Status") == nameof(CampaignStatus.Held) && row.GetDouble("Score") < floor, row =>
        {
            row["Status"] = nameof(CampaignStatus.Active);
            SetVerdict(row, seed.Category, seed.Score, seed.Rules, seed);
        }, cancellationToken);

    private static bool IsActive(TableEntity row) => row.GetString("Status") == nameof(CampaignStatus.Active);

    // The row also keeps the campaign's reach, which other resolutions grow at any moment: a changed row is read again,
    // and only a status or score no longer allowing the change (the SOC approved or released it, another resolution held
    // or activated it) ends the try.
    private async Task<bool> TryChangeAsync(string campaignId, Func<TableEntity, bool> allows, Action<TableEntity> change, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(campaignId);
        while (true)
        {
            var found = await _campaigns.GetEntityIfExistsAsync<TableEntity>(partition, CampaignRow, ["Status", "Score"], cancellationToken);
            if (!found.HasValue || found.Value is not { } row || !allows(row)) return false;
            var changed = new TableEntity(partition, CampaignRow);
            change(changed);
            try
            {
                await _campaigns.UpdateEntityAsync(changed, row.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException error) when (error.Status == 412)
            {
                // Read again: the status and score decide.
            }
        }
    }

    // Columns per status (ApprovedBy, ReleasedBy): a campaign held again later still says who approved it before.
    public Task SetStatusAsync(string campaignId, CampaignStatus status, string actor, CancellationToken cancellationToken) =>
        _campaigns.UpsertEntityAsync(new TableEntity(TableKeys.Escape(campaignId), CampaignRow)
        {
            ["Status"] = status.ToString(),
            [$"{status}By"] = actor,
            [$"{status}At"] = DateTimeOffset.UtcNow,
        }, TableUpdateMode.Merge, cancellationToken);

    public async Task<IReadOnlySet<DispatchedWork>> DispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> candidates, CancellationToken cancellationToken)
    {
        var wanted = candidates.ToHashSet();
        var dispatched = new HashSet<DispatchedWork>();
        await ReadAsync(campaignId, wanted, DispatchRow, DispatchPrefix, [ScopeProperty, ItemProperty], row =>
        {
            // A mark written without its scope and item counts as not dispatched: its work is repeated, never lost.
            if (row.GetString(ScopeProperty) is { } scope && row.GetString(ItemProperty) is { } item && wanted.Contains(new DispatchedWork(scope, item)))
            {
                lock (dispatched) dispatched.Add(new DispatchedWork(scope, item));
            }
        }, cancellationToken);
        return dispatched;
    }

    public async Task<IReadOnlySet<string>> ReachedAsync(string campaignId, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken)
    {
        var wanted = mailboxIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await ReadAsync(campaignId, wanted, ReachedRow, ReachedPrefix, [ScopeProperty], row =>
        {
            if (row.GetString(ScopeProperty) is { } scope && wanted.TryGetValue(scope, out var asked))
            {
                lock (reached) reached.Add(asked);
            }
        }, cancellationToken);
        return reached;
    }

    // Each row by both keys; past a page of them, one query over the whole range costs fewer requests.
    private async Task ReadAsync<T>(string campaignId, IReadOnlyCollection<T> wanted, Func<T, string> rowKey, string rangePrefix, string[] columns,
        Action<TableEntity> found, CancellationToken cancellationToken)
    {
        if (wanted.Count > RowsPerPage)
        {
            await foreach (var row in _campaigns.QueryAsync<TableEntity>(Range(campaignId, rangePrefix), select: columns, cancellationToken: cancellationToken)) found(row);
            return;
        }
        await _campaigns.ReadEachAsync(TableKeys.Escape(campaignId), wanted, rowKey, columns, (_, row) => found(row), cancellationToken);
    }

    // Each mailbox is claimed by adding its "reached" row in the same transaction that grows the reach on the campaign's
    // row (one partition), so a mailbox two resolutions claim at once is counted by the one whose row went in first.
    public async Task<int> ExtendReachAsync(string campaignId, IReadOnlyCollection<string> mailboxIds, int cap, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(campaignId);
        var unclaimed = mailboxIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var claimsReread = false;
        while (true)
        {
            var row = (await _campaigns.GetEntityAsync<TableEntity>(partition, CampaignRow, [ReachProperty], cancellationToken)).Value;
            var reach = row.GetInt32(ReachProperty) ?? await CountReachedAsync(campaignId, cancellationToken);
            if (unclaimed.Count == 0) return reach;
            if (reach + unclaimed.Count > cap)
            {
                // Beyond the cap, unless other resolutions claimed some of these since the caller read them.
                if (claimsReread) return reach + unclaimed.Count;
                var claimed = await ReachedAsync(campaignId, unclaimed, cancellationToken);
                unclaimed.RemoveAll(claimed.Contains);
                claimsReread = true;
                continue;
            }
            var claims = unclaimed.Take(MaxTransactionSize - 1).ToList();
            try
            {
                await _campaigns.SubmitTransactionAsync(
                    claims.Select(id => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, ReachedRow(id)) { [ScopeProperty] = id }))
                        .Append(new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(partition, CampaignRow) { [ReachProperty] = reach + claims.Count }, row.ETag)),
                    cancellationToken);
                unclaimed.RemoveRange(0, claims.Count);
                if (unclaimed.Count == 0) return reach + claims.Count;
            }
            catch (TableTransactionFailedException error) when (error.Status == 409 && error.FailedTransactionActionIndex < claims.Count)
            {
                // Another resolution claimed one of these a moment ago, and counted it; likely more of them with it.
                var claimed = await ReachedAsync(campaignId, unclaimed, cancellationToken);
                unclaimed.RemoveAll(claimed.Contains);
            }
            catch (TableTransactionFailedException error) when (error.Status == 412)
            {
                // Another resolution grew the reach a moment ago: add these to that.
            }
        }
    }

    // A campaign stored before its reach was recorded counts it once from its marks, as the guard did before.
    private async Task<int> CountReachedAsync(string campaignId, CancellationToken cancellationToken)
    {
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in _campaigns.QueryAsync<TableEntity>(DispatchRange(campaignId), select: [ScopeProperty], cancellationToken: cancellationToken))
        {
            if (row.GetString(ScopeProperty) is { } scope && scope != DispatchedWork.TenantWide) reached.Add(scope);
        }
        return reached.Count;
    }

    public async Task ForgetDispatchedAsync(string campaignId, CancellationToken cancellationToken)
    {
        var marks = new List<TableEntity>();
        await foreach (var row in _campaigns.QueryAsync<TableEntity>(DispatchRange(campaignId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)) marks.Add(row);
        foreach (var chunk in marks.Chunk(MaxTransactionSize))
        {
            await _campaigns.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)), cancellationToken);
        }
    }

    private static string DispatchRange(string campaignId) => Range(campaignId, DispatchPrefix);

    // The row keys that start with the prefix, up to the same prefix ending in '}', which sorts right after '|': one
    // range of one partition.
    private static string Range(string campaignId, string prefix) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {TableKeys.Escape(campaignId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    // One transaction per hundred rows, the most one may hold. The mailboxes were claimed as reached before: writing
    // their rows again would cost the storage emulator, which moves every row of a table to replace one, far more
    // than the claim did.
    public async Task MarkDispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> work, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(campaignId);
        var marks = work.Select(mark => new TableEntity(partition, DispatchRow(mark)) { [ScopeProperty] = mark.Scope, [ItemProperty] = mark.Item });
        foreach (var chunk in marks.DistinctBy(row => row.RowKey, StringComparer.Ordinal).Chunk(MaxTransactionSize))
        {
            await _campaigns.SubmitTransactionAsync(
                chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken);
        }
    }

    // A mailbox is reached in any case of its id, as the guard counts it.
    private static string ReachedRow(string mailboxId) => TableKeys.Escape(ReachedPrefix + mailboxId.ToUpperInvariant());

    // The item may hold a sender-chosen Message-ID.
    private static string DispatchRow(DispatchedWork work) => ScopePrefix(work.Scope) + TableKeys.Hash(work.Item);

    private static string ScopePrefix(string scope) => TableKeys.Escape($"{DispatchPrefix}{scope}|");

    private static TableEntity ToEntity(Campaign campaign)
    {
        var row = new TableEntity(TableKeys.Escape(campaign.Id), CampaignRow)
        {
            ["FirstNotifiedAt"] = campaign.FirstNotifiedAt,
            ["Status"] = campaign.Status.ToString(),
            [ReachProperty] = 0,
        };
        SetVerdict(row, campaign.Category, campaign.Score, campaign.Rules, campaign.Seed);
        return row;
    }

    // What a campaign's seed decides: written at birth, and again when a later seed takes the campaign over.
    private static void SetVerdict(TableEntity row, ThreatCategory category, double score, IReadOnlyList<string> rules, MaliciousMessage seed)
    {
        row["Category"] = category.ToString();
        row["Score"] = score;
        row["Rules"] = string.Join(',', rules);
        row["Seed"] = WorkItemJson.Serialize(seed);
    }

    private static Campaign ToCampaign(TableEntity row) => new(
        row.PartitionKey,
        Enum.Parse<ThreatCategory>(row.GetString("Category")),
        row.GetDouble("Score") ?? 0,
        row.GetString("Rules").Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetDateTimeOffset("FirstNotifiedAt") ?? DateTimeOffset.MinValue,
        Enum.Parse<CampaignStatus>(row.GetString("Status")),
        WorkItemJson.Deserialize<MaliciousMessage>(row.GetString("Seed")));
}
