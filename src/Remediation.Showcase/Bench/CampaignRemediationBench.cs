using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core;
using Remediation.Core.Telemetry;
using Remediation.Infrastructure.Storage;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.Showcase.Bench;

/// <summary>
/// Time to remediate a phishing campaign with one copy in each of N mailboxes, on the local host with Azurite and a
/// simulated Graph that answers every request after 20 ms and throttles as Exchange Online does. The campaign
/// arrives through transport as messages of 500 recipients each, as bulk senders split their lists. The first
/// recipient of each message is subscribed, so the pipeline hears of one copy of each through Graph's notification
/// and must find and remediate every other copy itself; the other mailboxes are not subscribed, so no other
/// notification adds work.
/// </summary>
internal static class CampaignRemediationBench
{
    public const int QueueBatchSize = 32;

    // The queue listener fetches another batch of 32 while up to 96 jobs still run: 128 in flight. Beyond that the
    // storage emulator, not Graph, sets the pace on this machine (224 in flight measured no faster).
    public const int NewBatchThreshold = 96;

    public const int RemediationJobsInFlight = QueueBatchSize + NewBatchThreshold;

    // Bulk senders split their lists; one header listing 10,000 addresses would also pass the scanner's 256 KB cap.
    public const int RecipientsPerMessage = 500;

    public static readonly TimeSpan GraphLatency = TimeSpan.FromMilliseconds(20);

    // Longer than one failing attempt of a job takes: four storage tries of up to 10 s each before the queue retries it.
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);

    private const string Domain = "contoso.example";

    private const string MoveRequest = "POST /v1.0/users/{user}/messages/{messageId}/move";

    // A subscribed mailbox outside the campaign.
    private const string Observer = "soc";

    /// <param name="instances">Pipeline hosts sharing the storage and the tenant, as Functions scales out.</param>
    /// <param name="countStorageCalls">Count every storage call by kind; Azurite's debug log slows it, so time such a run apart.</param>
    /// <param name="afterRestart">
    /// Remediate a first campaign into the same mailboxes, then replace every instance, as Functions does, and measure a
    /// second campaign: what the pipeline kept in storage serves it, what the instances held in memory is gone.
    /// </param>
    public static async Task<CampaignRemediationResult> RunAsync(
        int mailboxes, TimeSpan timeout, CancellationToken cancellationToken, int instances = 1, bool countStorageCalls = false, bool afterRestart = false)
    {
        var events = new PipelineEventRecorder();
        using var failures = new FailureLog();
        await using var tenant = await LocalTenant.StartAsync(new LocalTenantOptions
        {
            Domain = Domain,
            // On disk, Azurite packs queue messages into shared extent files. In memory it keeps one extent per message
            // and, every minute, deletes the consumed ones one by one, re-sorting its whole extent index for each: at a
            // hundred jobs a second that blocks the emulator for a minute or more, and every storage call times out.
            PersistentStorage = true,
            Instances = instances,
            LogStorageCalls = countStorageCalls,
            Mailboxes = [(Observer, "Security Operations"), .. Enumerable.Range(0, mailboxes).Select(i => (UserName(i), $"User {i:D5}"))],
            Simulator = new SimulatorOptions { TenantDomain = Domain, RequestLatency = GraphLatency },
            Settings = Settings(mailboxes, afterRestart ? 2 : 1),
            ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(events),
        }, logging => logging.ClearProviders().AddProvider(failures), cancellationToken);

        if (afterRestart)
        {
            Deliver(tenant, mailboxes, SampleMail.CredentialPhish);
            await WaitForRemediationsAsync(events, mailboxes, Stopwatch.StartNew(), timeout, cancellationToken);
            await tenant.RestartHostsAsync(cancellationToken);
        }
        var alreadyRemediated = events.RemediationTimes().Count;

        var metrics = tenant.Simulator.Metrics;
        var (requestsBefore, throttledBefore, kindsBefore) = (metrics.GraphRequests, metrics.ThrottledRequests, metrics.RequestsByKind);
        var mailboxesBefore = metrics.Mailboxes.ToDictionary(m => m.MailboxId, StringComparer.OrdinalIgnoreCase);
        var storageBefore = await tenant.Azurite.StorageCallsByKindAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var copies = Deliver(tenant, mailboxes, afterRestart ? SampleMail.SharedDocumentPhish : SampleMail.CredentialPhish);

        await WaitForRemediationsAsync(events, alreadyRemediated + mailboxes, clock, timeout, cancellationToken);

        var remediatedAt = events.RemediationTimes();
        // A copy acted on twice (two instances both claiming it) shows as a second event or a second move.
        var duplicateEvents = events.Count(PipelineEvents.MessageRemediated) - remediatedAt.Count;
        var moves = metrics.RequestsByKind.GetValueOrDefault(MoveRequest) - kindsBefore.GetValueOrDefault(MoveRequest);
        var remediated = copies.Where(c => remediatedAt.ContainsKey(c.Message.ImmutableId)
            && tenant.Simulator.Tenant.FindMessage(c.Message.MailboxId, c.Message.ImmutableId)?.FolderWellKnownName != "inbox").ToList();
        // Mailboxes the pipeline never reached saw only their recipient lookup: the cost of one is read where it was done.
        var reached = remediated.Count > 0 ? remediated : copies;
        var requestsPerMailbox = reached.Average(c => metrics.ForMailbox(c.Message.MailboxId).Requests - (mailboxesBefore.GetValueOrDefault(c.Message.MailboxId)?.Requests ?? 0));
        var roundTripsPerMailbox = reached.Average(c => metrics.ForMailbox(c.Message.MailboxId).RoundTrips - (mailboxesBefore.GetValueOrDefault(c.Message.MailboxId)?.RoundTrips ?? 0));
        // Read before the poison check, whose alert is itself logged as an error.
        var errorsLogged = failures.Summary;
        // Work that failed its every attempt waits in a poison queue: the copies it was for stay unremediated.
        var poisoned = (await tenant.Host.Services.GetRequiredService<PoisonQueueMonitor>().CheckAsync(cancellationToken)).Values.Sum();
        return new CampaignRemediationResult(
            mailboxes,
            Announced(mailboxes).Count(),
            remediated.Count,
            remediated.Count == mailboxes,
            remediated.Count == 0 ? 0 : Stopwatch.GetElapsedTime(copies.Min(c => c.DeliveredAt), remediated.Max(c => remediatedAt[c.Message.ImmutableId])).TotalSeconds,
            Percentiles.Of(remediated.Select(c => Stopwatch.GetElapsedTime(c.DeliveredAt, remediatedAt[c.Message.ImmutableId]).TotalSeconds)),
            metrics.GraphRequests - requestsBefore,
            metrics.ThrottledRequests - throttledBefore,
            events.Count(PipelineEvents.RemediationFailed),
            poisoned,
            errorsLogged,
            requestsPerMailbox,
            roundTripsPerMailbox,
            GraphLatency.TotalMilliseconds,
            RemediationJobsInFlight,
            mailboxes * roundTripsPerMailbox * GraphLatency.TotalSeconds / RemediationJobsInFlight,
            metrics.RequestsByKind.ToDictionary(k => k.Key, k => (k.Value - kindsBefore.GetValueOrDefault(k.Key)) / (double)mailboxes),
            instances,
            duplicateEvents,
            moves - remediated.Count,
            (await tenant.Azurite.StorageCallsByKindAsync(cancellationToken)).ToDictionary(k => k.Key, k => (k.Value - storageBefore.GetValueOrDefault(k.Key)) / (double)mailboxes));
    }

    private static List<DeliveredCopy> Deliver(LocalTenant tenant, int mailboxes, Func<string, string[], string> lure)
    {
        var copies = new List<DeliveredCopy>(mailboxes);
        foreach (var recipients in Recipients(mailboxes))
        {
            var delivered = tenant.Simulator.Tenant.DeliverThroughTransport(lure(Domain, recipients));
            var at = Stopwatch.GetTimestamp();
            copies.AddRange(delivered.Select(copy => new DeliveredCopy(copy, at)));
        }
        return copies;
    }

    // Ends when every copy is remediated, at the timeout, or when no copy has been for a while: work lost on the way
    // (a poison message, a job never queued) would otherwise hold the bench until the timeout.
    private static async Task WaitForRemediationsAsync(PipelineEventRecorder events, int remediations, Stopwatch clock, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (done, lastProgress) = (0, clock.Elapsed);
        while (done < remediations && clock.Elapsed < timeout && clock.Elapsed - lastProgress < StallTimeout)
        {
            await Task.Delay(250, cancellationToken);
            var now = events.RemediationTimes().Count;
            if (now > done) (done, lastProgress) = (now, clock.Elapsed);
        }
    }

    private static Dictionary<string, string?> Settings(int mailboxes, int campaigns)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            // Speed is measured here, not the blast-radius guard or the hourly cap on unapproved moves. The reach cap
            // is the campaign's size exactly: seeds resolved at once on several instances claim each mailbox once, so
            // the campaign is never held. The hourly cap is twice every campaign of the run: each instance may hold a
            // few units it never spends, which only makes the cap hold sooner.
            ["Remediation:MaxMailboxesPerCampaign"] = mailboxes.ToString(CultureInfo.InvariantCulture),
            ["Remediation:MaxUnapprovedMovesPerHour"] = (2 * mailboxes * campaigns).ToString(CultureInfo.InvariantCulture),
            ["Subscriptions:Mailboxes:0"] = $"{Observer}@{Domain}",
            ["LocalHost:QueueBatchSize"] = QueueBatchSize.ToString(CultureInfo.InvariantCulture),
            ["LocalHost:NewBatchThreshold"] = NewBatchThreshold.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (user, i) in Announced(mailboxes).Select((user, i) => (user, i)))
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"Subscriptions:Mailboxes:{i + 1}")] = $"{user}@{Domain}";
        }
        return settings;
    }

    private static IEnumerable<string[]> Recipients(int mailboxes) => Enumerable.Range(0, mailboxes).Select(UserName).Chunk(RecipientsPerMessage);

    // Each message's first recipient: the subscribed mailboxes, whose notification announces the message.
    private static IEnumerable<string> Announced(int mailboxes) => Recipients(mailboxes).Select(recipients => recipients[0]);

    private static string UserName(int index) => $"user{index:D5}";
}
