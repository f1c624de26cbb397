using System.Text.RegularExpressions;

namespace Remediation.LocalHost;

/// <summary>
/// The storage calls Azurite served, read from its debug log and counted by kind: the service, the queue or table,
/// and the operation (<c>Queue remediation-jobs delete</c>, <c>Table audit read</c>). Every client's calls are in it,
/// the queue listeners' included.
/// </summary>
public static partial class StorageRequestLog
{
    public static IReadOnlyDictionary<string, long> CountByKind(string path)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in Lines(path))
        {
            var match = RequestPattern().Match(line);
            if (!match.Success) continue;
            var kind = KindOf(match.Groups["service"].Value, match.Groups["method"].Value, Uri.UnescapeDataString(match.Groups["path"].Value), match.Groups["query"].Value);
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }
        return counts;
    }

    /// <summary>Whether a request naming <paramref name="text"/> has been logged.</summary>
    public static bool Contains(string path, string text) => Lines(path).Any(line => line.Contains(text, StringComparison.Ordinal));

    private static IEnumerable<string> Lines(string path)
    {
        if (!File.Exists(path)) yield break;
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        while (reader.ReadLine() is { } line) yield return line;
    }

    internal static string KindOf(string service, string method, string path, string query)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (service == "Queue")
        {
            return parts switch
            {
                [var queue, "messages"] => $"Queue {queue} " + (method, query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase)) switch
                {
                    ("GET", true) => "peek",
                    ("GET", false) => "receive",
                    ("POST", _) => "enqueue",
                    _ => "clear",
                },
                [var queue, "messages", _] => $"Queue {queue} " + (method == "DELETE" ? "delete" : "update"),
                [var queue] => $"Queue {queue} {method} queue",
                _ => $"Queue {method} account",
            };
        }
        if (service == "Table" && parts is [var resource])
        {
            if (resource == "$batch") return "Table batch";
            var open = resource.IndexOf('(', StringComparison.Ordinal);
            var table = open < 0 ? resource : resource[..open];
            var entity = open >= 0 && resource.Contains("PartitionKey", StringComparison.Ordinal);
            if (table.StartsWith("Tables", StringComparison.Ordinal)) return $"Table {method} table";
            return $"Table {table} " + (method, entity) switch
            {
                ("GET", true) => "read",
                ("GET", false) => "query",
                ("POST", _) => "insert",
                ("PUT", _) => "replace",
                ("MERGE" or "PATCH", _) => "merge",
                ("DELETE", _) => "delete",
                _ => method,
            };
        }
        return $"{service} {method}";
    }

    [GeneratedRegex(@"(?<service>Blob|Queue|Table)StorageContextMiddleware: RequestMethod=(?<method>\w+) RequestURL=https?://[^/]+/devstoreaccount1/?(?<path>[^? ]*)(?:\?(?<query>\S*))?")]
    private static partial Regex RequestPattern();
}
