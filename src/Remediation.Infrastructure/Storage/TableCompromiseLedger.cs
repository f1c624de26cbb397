using Azure;
using Azure.Data.Tables;
using Remediation.Core.Compromise;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// The compromise ledger in Table storage: evidence under the mailbox's partition, the wave under the campaign's,
/// and per mailbox one incident row (optimistic concurrency decides a race) plus one row per response taken.
/// </summary>
public sealed class TableCompromiseLedger(TableServiceClient tables) : ICompromiseLedger
{
    private const string EvidencePrefix = "evidence|";
    private const string WavePrefix = "wave|";
    private const string IncidentRow = "incident";
    private const string AssessedPrefix = "assessed|";
    private const string AssessedRow = "wave";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Compromise);

    public async Task AddAsync(CompromiseEvidence evidence, CancellationToken cancellationToken)
    {
        await _table.UpsertEntityAsync(new TableEntity(Key(evidence.MailboxId), TableKeys.Escape(EvidencePrefix + evidence.MessageId))
        {
            ["MessageId"] = evidence.MessageId,
            ["CampaignId"] = evidence.CampaignId,
            ["At"] = evidence.At,
            ["Source"] = evidence.Source.ToString(),
        }, TableUpdateMode.Replace, cancellationToken);
        // A wave is one campaign placed into many mailboxes; mail one account sent to its colleagues is not one.
        if (evidence.Source != EvidenceSource.Appended) return;
        await _table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(WavePrefix + evidence.CampaignId), Key(evidence.MailboxId))
        {
            ["MailboxId"] = evidence.MailboxId,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<CompromiseEvidence>> EvidenceAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var partition = Key(mailboxId);
        var evidence = new List<CompromiseEvidence>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(EvidencePrefix) >= 0 && e.RowKey.CompareTo("evidence}") < 0, cancellationToken: cancellationToken))
        {
            evidence.Add(new CompromiseEvidence(mailboxId, row.GetString("MessageId"), row.GetString("CampaignId"), row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                Enum.TryParse<EvidenceSource>(row.GetString("Source"), out var source) ? source : EvidenceSource.Appended));
        }
        return evidence;
    }

    public async Task<IReadOnlyList<string>> WaveAsync(string campaignId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(WavePrefix + campaignId);
        var mailboxes = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["MailboxId"], cancellationToken: cancellationToken))
        {
            mailboxes.Add(row.GetString("MailboxId"));
        }
        return mailboxes;
    }

    public async Task<bool> IsWaveAssessedAsync(string campaignId, CancellationToken cancellationToken) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(AssessedPrefix + campaignId), AssessedRow, select: ["PartitionKey"], cancellationToken)).HasValue;

    // A partition of its own: the wave's partition lists mailboxes and nothing else.
    public async Task MarkWaveAssessedAsync(string campaignId, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(AssessedPrefix + campaignId), AssessedRow), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> HasOpenIncidentAsync(string mailboxId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(Key(mailboxId), IncidentRow, select: ["OpenedAt"], cancellationToken);
        return existing.HasValue && now - (existing.Value!.GetDateTimeOffset("OpenedAt") ?? DateTimeOffset.MinValue) < cooldown;
    }

    public async Task<bool> TryOpenIncidentAsync(string mailboxId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        var incident = new TableEntity(Key(mailboxId), IncidentRow) { ["OpenedAt"] = now };
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(Key(mailboxId), IncidentRow, cancellationToken: cancellationToken);
        try
        {
            if (!existing.HasValue)
            {
                await _table.AddEntityAsync(incident, cancellationToken);
                return true;
            }
            if (now - (existing.Value!.GetDateTimeOffset("OpenedAt") ?? DateTimeOffset.MinValue) < cooldown) return false;
            await _table.UpdateEntityAsync(incident, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException error) when (error.Status is 409 or 412)
        {
            return false;
        }
    }

    public Task RecordResponseAsync(string mailboxId, string response, IReadOnlyList<CompromiseEvidence> evidence, DateTimeOffset at, CancellationToken cancellationToken) =>
        _table.AddEntityAsync(new TableEntity(Key(mailboxId), $"response|{at.UtcTicks:D20}")
        {
            ["Response"] = response,
            // An appender may place hundreds of lures, and Table storage refuses a value past 32 K characters.
            ["Messages"] = string.Join(',', evidence.Select(e => e.MessageId).Take(CompromiseEvidence.MaxListed)),
            ["Campaigns"] = string.Join(',', evidence.Select(e => e.CampaignId).Distinct(StringComparer.Ordinal).Take(CompromiseEvidence.MaxListed)),
            ["FirstSeen"] = evidence.Min(e => e.At),
            ["LastSeen"] = evidence.Max(e => e.At),
            ["At"] = at,
        }, cancellationToken);

    public async Task RecordRevocationAsync(string mailboxId, DateTimeOffset incidentOpenedAt, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(Key(mailboxId), $"revoked|{incidentOpenedAt.UtcTicks:D20}") { ["At"] = revokedAt }, cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            // A retried revoke: the first record stands.
        }
    }

    private static string Key(string mailboxId) => TableKeys.Escape(mailboxId);
}
