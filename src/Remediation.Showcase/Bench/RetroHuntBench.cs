using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Remediation.Core.Hunting;
using Remediation.Core.Indexing;
using Remediation.Core.Scanning;
using Remediation.Core.Telemetry;
using Remediation.Infrastructure.Storage;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.Showcase.Bench;

/// <summary>What the retro-hunt bench measured.</summary>
/// <param name="Seconds">From the hunt's start to the last matching copy remediated.</param>
/// <param name="RowsPerMessage">Index rows one scanned message costs (its campaign key, arrival, fingerprint, link domains, senders, attachments).</param>
/// <param name="BytesPerMessage">The payload those rows hold (keys and properties), as Table storage bills it.</param>
internal sealed record RetroHuntResult(int Indexed, int Matching, int Remediated, double Seconds, double IndexSeconds, double RowsPerMessage, double BytesPerMessage, long GraphRequests);

/// <summary>
/// Time from a new indicator to every matching copy remediated: mail linking to a domain was delivered clean to N
/// mailboxes, among M messages in the index; then the SOC names the domain. The index is filled as the scan stage
/// fills it (one record per copy), without scanning each copy again, so the bench measures the hunt, not the scan.
/// </summary>
internal static class RetroHuntBench
{
    private const string Domain = "contoso.example";
    private const string LaterBad = "later-bad.example";

    public static async Task<RetroHuntResult> RunAsync(int matching, int indexed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var events = new PipelineEventRecorder();
        await using var tenant = await LocalTenant.StartAsync(new LocalTenantOptions
        {
            Domain = Domain,
            PersistentStorage = true,
            Mailboxes = [("soc", "Security Operations"), .. Enumerable.Range(0, matching).Select(i => ($"user{i:D5}", $"User {i:D5}"))],
            Simulator = new SimulatorOptions { TenantDomain = Domain, RequestLatency = CampaignRemediationBench.GraphLatency },
            Settings = new Dictionary<string, string?>
            {
                ["Remediation:MaxMailboxesPerCampaign"] = matching.ToString(CultureInfo.InvariantCulture),
                ["Remediation:MaxUnapprovedMovesPerHour"] = matching.ToString(CultureInfo.InvariantCulture),
                ["Subscriptions:Mailboxes:0"] = $"soc@{Domain}",
                ["LocalHost:QueueBatchSize"] = CampaignRemediationBench.QueueBatchSize.ToString(CultureInfo.InvariantCulture),
                ["LocalHost:NewBatchThreshold"] = CampaignRemediationBench.NewBatchThreshold.ToString(CultureInfo.InvariantCulture),
            },
            ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(events),
        }, logging => logging.ClearProviders(), cancellationToken);
        var services = tenant.Host.Services;
        var index = services.GetRequiredService<IMessageIndex>();
        var engine = services.GetRequiredService<ScanEngine>();

        var mime = SampleMail.Build("Partner Updates <updates@partner.example>", ["soc@" + Domain], "Product update: the amber edition",
            $"Hello,\n\nThe amber edition of our product update is out:\n\nhttps://news.{LaterBad}/updates/1\n\nThe Partner team");
        var copies = Enumerable.Range(0, matching).Select(i => $"user{i:D5}").Chunk(CampaignRemediationBench.RecipientsPerMessage)
            .SelectMany(chunk => tenant.Simulator.Tenant.DeliverThroughTransport(mime.Replace("To: soc@" + Domain, "To: " + string.Join(", ", chunk.Select(u => $"{u}@{Domain}")), StringComparison.Ordinal)))
            .ToList();
        var verdict = engine.Scan(new ScanInput(MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mime)))));
        var now = DateTimeOffset.UtcNow;
        var records = copies.Select(c => new IndexedMessage(c.MailboxId, c.ImmutableId, c.InternetMessageId, now, verdict.Fingerprint.CampaignId, true,
                verdict.Fingerprint.Id, VerdictBand.Clean, false, verdict.Fingerprint.UrlHosts, ["updates@partner.example"], []))
            .Concat(Enumerable.Range(0, Math.Max(0, indexed - matching)).Select(Ordinary))
            .ToList();
        var indexing = Stopwatch.StartNew();
        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (record, ct) => await index.RecordAsync(record, ct));
        var indexSeconds = indexing.Elapsed.TotalSeconds;

        var requestsBefore = tenant.Simulator.Metrics.GraphRequests;
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<HuntControl>().StartAsync(Indicator.UrlDomain(LaterBad), now.AddDays(-1), reportOnly: false, HuntTrigger.Analyst, "bench", null, cancellationToken);
        while (events.Count(PipelineEvents.MessageRemediated) < matching && clock.Elapsed < timeout) await Task.Delay(250, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;

        var rows = records.Average(r => r.Entries().Count() + 1.0);
        var bytes = await RowBytesAsync(services.GetRequiredService<TableServiceClient>(), cancellationToken) / records.Count;
        return new RetroHuntResult(records.Count, matching, events.Count(PipelineEvents.MessageRemediated), seconds, indexSeconds, rows, bytes,
            tenant.Simulator.Metrics.GraphRequests - requestsBefore);
    }

    // Everyday mail with a link and a sender of its own: filed under its own domains, never matching the hunt.
    private static IndexedMessage Ordinary(int i) => new(
        $"user{i % 1000:D5}", $"ordinary-{i}", $"<{i}@mail.example>", DateTimeOffset.UtcNow, $"key{i % 5000}", true, $"f{i % 5000}", VerdictBand.Clean, false,
        [$"www.site{i % 300}.example"], [$"news@sender{i % 200}.example"], i % 10 == 0 ? [$"{i:x64}"] : []);

    // Table storage bills a row at 4 bytes plus its keys and properties (UTF-16 names and strings, 8 for numbers and dates).
    private static async Task<long> RowBytesAsync(TableServiceClient tables, CancellationToken cancellationToken)
    {
        long bytes = 0;
        await foreach (var row in tables.GetTableClient(TableNames.MessageIndex).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            bytes += 4 + 2 * (row.PartitionKey.Length + row.RowKey.Length);
            foreach (var (name, value) in row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")))
            {
                bytes += 8 + 2 * name.Length + (value is string text ? 4 + 2 * text.Length : 8);
            }
        }
        return bytes;
    }
}
