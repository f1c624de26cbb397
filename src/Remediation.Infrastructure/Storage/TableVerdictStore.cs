using Azure;
using Azure.Data.Tables;
using Remediation.Core.Scanning;
using Remediation.Core.Verdicts;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// Verdicts in Table storage: partition = mailbox, row = immutable message id. A scan first writes the row with only
/// its claim time; the verdict replaces it.
/// </summary>
public sealed class TableVerdictStore(TableServiceClient tables) : IVerdictStore
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Verdicts);

    private const string BandProperty = "Band";
    private const string ClaimantProperty = "Claimant";
    private const string ClaimedAtProperty = "ClaimedAt";

    public async Task<bool> ContainsAsync(string mailboxId, string messageId, CancellationToken cancellationToken) =>
        await FindAsync(mailboxId, messageId, cancellationToken) is { } row && IsVerdict(row);

    public async Task<ScanClaim> TryClaimAsync(string mailboxId, string messageId, string claimant, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(TableKeys.Escape(mailboxId), TableKeys.Escape(messageId)) { [ClaimantProperty] = claimant, [ClaimedAtProperty] = now };
        try
        {
            await _table.AddEntityAsync(claim, cancellationToken);
            return ScanClaim.Taken;
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
        }
        // Gone since: released a moment ago by a scan that found nothing to record, so this request comes back later.
        if (await FindAsync(mailboxId, messageId, cancellationToken) is not { } row) return ScanClaim.HeldByAnother;
        if (IsVerdict(row)) return ScanClaim.Scanned;
        if (row.GetString(ClaimantProperty) != claimant && row.GetDateTimeOffset(ClaimedAtProperty) is { } claimedAt && now - claimedAt <= staleAfter) return ScanClaim.HeldByAnother;
        try
        {
            // The ETag makes the takeover atomic: of two scans, one wins.
            await _table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return ScanClaim.Taken;
        }
        catch (RequestFailedException error) when (error.Status == 412)
        {
            return ScanClaim.HeldByAnother;
        }
    }

    public async Task ReleaseAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        if (await FindAsync(mailboxId, messageId, cancellationToken) is not { } row || IsVerdict(row)) return;
        try
        {
            await _table.DeleteEntityAsync(TableKeys.Escape(mailboxId), TableKeys.Escape(messageId), row.ETag, cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status is 404 or 412)
        {
            // Gone or changed meanwhile: another scan took it over, or its verdict is in.
        }
    }

    private async Task<TableEntity?> FindAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Escape(mailboxId), TableKeys.Escape(messageId), select: [BandProperty, ClaimantProperty, ClaimedAtProperty], cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private static bool IsVerdict(TableEntity row) => row.GetString(BandProperty) is not null;

    public Task SaveAsync(VerdictRecord verdict, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(verdict.MailboxId), TableKeys.Escape(verdict.MessageId))
        {
            ["InternetMessageId"] = verdict.InternetMessageId,
            [BandProperty] = verdict.Band.ToString(),
            ["Category"] = verdict.Category.ToString(),
            ["Score"] = verdict.Score,
            ["Rules"] = string.Join(',', verdict.Rules),
            ["ScannedAt"] = verdict.ScannedAt,
        }, TableUpdateMode.Replace, cancellationToken);
}
