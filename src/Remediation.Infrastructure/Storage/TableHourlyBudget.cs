using Azure;
using Azure.Data.Tables;
using Remediation.Core.Breakers;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// The hourly budgets in Table storage: partition = breaker, row = hour. Every instance reads the row and writes
/// it back under its ETag; a write that lost a race reads again, so no unit is given twice.
/// </summary>
public sealed class TableHourlyBudget(TableServiceClient tables) : IHourlyBudget
{
    private const string TakenProperty = "Taken";
    private const string TrippedProperty = "Tripped";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Breakers);

    public async Task<BudgetTake> TakeAsync(string breaker, int limitPerHour, int units, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hour = HourlyCount.HourOf(now);
        while (true)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(breaker, hour, cancellationToken: cancellationToken);
            var current = row.HasValue ? new HourlyCount(row.Value!.GetInt32(TakenProperty) ?? 0, row.Value.GetBoolean(TrippedProperty) ?? false) : default;
            var (take, next) = current.Take(limitPerHour, units);
            if (next == current) return take;
            var entity = new TableEntity(breaker, hour) { [TakenProperty] = next.Taken, [TrippedProperty] = next.Tripped };
            try
            {
                if (row.HasValue) await _table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                else await _table.AddEntityAsync(entity, cancellationToken);
                return take;
            }
            catch (RequestFailedException error) when (error.Status is 409 or 412)
            {
                // Another instance wrote the row first: decide again on what it wrote.
            }
        }
    }
}
