using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Remediation.Showcase.Bench;

/// <summary>POSTs notification bodies to a webhook with a fixed number in flight, timing each answer as Graph would wait for it.</summary>
internal static class NotificationPoster
{
    /// <returns>Each POST's response time in milliseconds, the whole run's duration, and the POSTs not answered 202.</returns>
    public static async Task<(List<double> Milliseconds, TimeSpan Elapsed, int Refused)> PostAllAsync(
        Uri webhook, IEnumerable<byte[]> bodies, int concurrency, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
        var times = new ConcurrentBag<double>();
        var refused = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (body, ct) =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync(webhook, content, ct);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != System.Net.HttpStatusCode.Accepted) Interlocked.Increment(ref refused);
        });
        return ([.. times], clock.Elapsed, refused);
    }

    /// <summary>POSTs bodies made on demand, with a fixed number in flight, until <paramref name="duration"/> has passed.</summary>
    /// <returns>Each POST's response time in milliseconds, the bodies POSTed, the run's duration, and the POSTs not answered 202.</returns>
    public static async Task<(List<double> Milliseconds, int Posted, TimeSpan Elapsed, int Refused)> PostForAsync(
        Uri webhook, Func<int, byte[]> bodyNumber, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        IEnumerable<byte[]> Bodies()
        {
            while (clock.Elapsed < duration) yield return bodyNumber(Interlocked.Increment(ref next));
        }
        var (milliseconds, elapsed, refused) = await PostAllAsync(webhook, Bodies(), concurrency, cancellationToken);
        return (milliseconds, next + 1, elapsed, refused);
    }
}
