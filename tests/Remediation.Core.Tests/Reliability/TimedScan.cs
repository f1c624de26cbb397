using System.Diagnostics;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Reliability;

/// <summary>One message loaded and scanned as the pipeline does it, with what that cost.</summary>
internal sealed record TimedScan(Verdict Verdict, TimeSpan Elapsed, long AllocatedBytes)
{
    public static async Task<TimedScan> RunAsync(ScanEngine engine, byte[] mime)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var message = await MimeLoader.LoadAsync(new MemoryStream(mime), engine.Limits, CancellationToken.None);
        var verdict = engine.Scan(ScanInput.From(message));
        return new TimedScan(verdict, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }
}
