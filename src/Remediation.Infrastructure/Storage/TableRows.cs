using Azure.Data.Tables;

namespace Remediation.Infrastructure.Storage;

/// <summary>Reads of many rows of one partition, each by both keys.</summary>
internal static class TableRows
{
    // Requests in flight at once for one caller.
    private const int ReadsAtOnce = 16;

    /// <summary>
    /// Reads the row of each item that has one, <see cref="ReadsAtOnce"/> at a time: a read by both keys is the only
    /// one every store (the emulator too) answers from its index, where a filter naming several rows scans the
    /// partition. <paramref name="found"/> is called concurrently.
    /// </summary>
    public static Task ReadEachAsync<T>(this TableClient table, string partition, IEnumerable<T> items, Func<T, string> rowKey, IEnumerable<string> columns,
        Action<T, TableEntity> found, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey(item), columns, ct);
            if (row is { HasValue: true, Value: { } entity }) found(item, entity);
        });
}
