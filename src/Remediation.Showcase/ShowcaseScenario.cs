using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remediation.Core.Audit;
using Remediation.Core.Telemetry;
using Remediation.Infrastructure.Storage;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.Showcase;

/// <summary>
/// The attack this project exists for, against a simulated tenant with the pipeline on the local host: ordinary
/// mail through transport at a steady rate, a transported phishing campaign, and an Email Appender wave placed
/// over IMAP into mailboxes whose credentials were stolen, with a spoofed display name and Reply-To.
/// </summary>
internal sealed class ShowcaseScenario : IAsyncDisposable
{
    private const string Domain = "contoso.example";

    // The planning seed: the same options give the same senders and recipients on every run.
    private const int PlanSeed = 2020;
    private const string Inbox = "inbox";
    private const string SocMailbox = "soc";

    // Two to three copies a second each: below what the local host scans on two cores, so the queue stays short.
    private const double OrdinaryMessagesPerSecond = 5;

    // The mean wait between the store filing a message and Graph notifying it: "seconds typically" in Graph's documentation.
    private static readonly TimeSpan NotificationLatency = TimeSpan.FromSeconds(2);
    private static readonly string[] Bands = ["clean", "suspicious", "malicious", "unscannable"];

    private readonly ShowcaseOptions _options;
    private readonly LocalTenant _tenant;
    private readonly PipelineEventRecorder _events;
    private readonly IReadOnlyList<OrdinaryMessage> _ordinaryPlan;
    private readonly Stopwatch _clock = new();
    private readonly ConcurrentQueue<OrdinaryCopy> _ordinary = new();
    private int _userTrafficItems;
    private readonly ConcurrentQueue<DeliveredCopy> _phishing = new();
    private readonly ConcurrentQueue<DeliveredCopy> _wave = new();

    private ShowcaseScenario(ShowcaseOptions options, LocalTenant tenant, PipelineEventRecorder events)
    {
        _options = options;
        _tenant = tenant;
        _events = events;
        _ordinaryPlan = PlanOrdinaryMail(options);
    }

    /// <summary>Starts Azurite, the simulator and the local host, and subscribes every mailbox through the keeper.</summary>
    public static async Task<ShowcaseScenario> StartAsync(ShowcaseOptions options, Action<ILoggingBuilder> configureLogging, CancellationToken cancellationToken)
    {
        var events = new PipelineEventRecorder();
        var tenant = await LocalTenant.StartAsync(new LocalTenantOptions
        {
            Domain = Domain,
            Mailboxes = [.. Enumerable.Range(0, options.Mailboxes).Select(i => (UserName(i), $"User {i:D4}")), (SocMailbox, "Security Operations")],
            ConfigureTenant = t => ShowcaseDirectory.Shape(t, Domain, Users(options), CampaignRecipients(options)),
            // Graph sends a message's notification seconds after the store files it; time to remediate counts that wait.
            // Graph also loses some without a word: the reconciliation timer finds those messages.
            Simulator = new SimulatorOptions { TenantDomain = Domain, NotificationLatency = NotificationLatency, DroppedNotificationRate = options.DroppedNotifications },
            Settings = new Dictionary<string, string?>
            {
                // The tenant's own blocklist knows the lures' link domains, as a SOC's threat feed would.
                ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
                ["Detection:BlockedUrlDomains:1"] = SampleMail.AppenderDomain,
                // The blast-radius guard would hold a campaign reaching more mailboxes than this for the SOC.
                ["Remediation:MaxMailboxesPerCampaign"] = Math.Max(500, options.Mailboxes).ToString(CultureInfo.InvariantCulture),
                ["Subscriptions:MaxWritesPerWindow"] = "1000",
                // The most a Storage queue hands out at once: scans keep up with the steady mail on two cores.
                ["LocalHost:QueueBatchSize"] = "32",
                ["LocalHost:ReconcileInterval"] = (options.DroppedNotifications > 0 ? ShowcaseOptions.ReconcileInterval : TimeSpan.FromHours(6)).ToString(),
            }
            // Mailboxes configured by user principal name, as administrators write them; the guest among them.
            .Concat(Users(options).Append(SocMailbox).Append(ShowcaseDirectory.Guest)
                .Select((user, i) => KeyValuePair.Create($"Subscriptions:Mailboxes:{i}", (string?)Address(user))))
            .ToDictionary(),
            ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(events),
        }, configureLogging, cancellationToken);
        return new ShowcaseScenario(options, tenant, events);
    }

    public int Subscriptions => _tenant.Simulator.Tenant.Subscriptions.Count;

    // Inbound mail's copies and the user traffic's items; known once the traffic has played.
    private int OrdinaryPlanned => _ordinaryPlan.Sum(m => m.Copies) + _userTrafficItems;

    private int MaliciousPlanned => _options.CampaignRecipients + _options.Wave;

    public async Task<ShowcaseOutcome> RunAsync(CancellationToken cancellationToken)
    {
        _clock.Start();
        var trafficSpan = TimeSpan.FromSeconds(Math.Max(2, _options.Benign / OrdinaryMessagesPerSecond));
        var ordinaryMail = DeliverOrdinaryMailAsync(trafficSpan, cancellationToken);
        await DelayUntilAsync(trafficSpan * 0.25, cancellationToken);
        DeliverPhishingCampaign();
        await ForwardLureToSocAsync(cancellationToken);
        await PlayUserTrafficAsync(cancellationToken);
        await DelayUntilAsync(trafficSpan * 0.5, cancellationToken);
        AppendWave();
        await ordinaryMail;

        var settled = await WaitUntilAsync(IsSettled, cancellationToken);
        await WaitForQuietAsync(cancellationToken);
        return await OutcomeAsync(settled, cancellationToken);
    }

    public ProgressSnapshot Progress() => new(
        _clock.Elapsed,
        _ordinary.Count,
        OrdinaryPlanned,
        _phishing.Count + _wave.Count,
        MaliciousPlanned,
        _tenant.Simulator.Metrics.NotificationsDelivered,
        _tenant.Simulator.Metrics.GraphRequests,
        _tenant.Simulator.Metrics.ThrottledRequests,
        _events.Count(PipelineEvents.MessageScanned),
        VerdictCounts(),
        _events.RemediationTimes().Count,
        _events.Count(PipelineEvents.MailboxCompromised),
        _options.Wave,
        _events.Count(PipelineEvents.CampaignHeld));

    private async Task DeliverOrdinaryMailAsync(TimeSpan span, CancellationToken cancellationToken)
    {
        var interval = _ordinaryPlan.Count == 0 ? TimeSpan.Zero : span / _ordinaryPlan.Count;
        for (var i = 0; i < _ordinaryPlan.Count; i++)
        {
            await DelayUntilAsync(interval * i, cancellationToken);
            var message = _ordinaryPlan[i];
            var mime = SampleMail.Ordinary(Domain, message.Number, message.Colleague, message.Recipients);
            // A few arrive without transport, as a migration or a user's own IMAP client places them: no evidence of compromise.
            RecordOrdinary(message.Kind == OrdinaryKinds.Appended
                ? [_tenant.Simulator.Tenant.AppendAsImap(Address(message.Recipients[0]), mime)]
                : _tenant.Simulator.Tenant.DeliverThroughTransport(mime), message.Kind);
        }
    }

    // Sent to a distribution list: the campaign stage must expand it, nested list included, to find every copy.
    private void DeliverPhishingCampaign()
    {
        if (_options.CampaignRecipients == 0) return;
        Record(_phishing, _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, ShowcaseDirectory.CampaignList)));
    }

    private static IReadOnlyList<string> Users(ShowcaseOptions options) => [.. Enumerable.Range(0, options.Mailboxes).Select(UserName)];

    private static IReadOnlyList<string> CampaignRecipients(ShowcaseOptions options) =>
        [.. Enumerable.Range(options.Mailboxes - options.CampaignRecipients, options.CampaignRecipients).Select(UserName)];

    // A recipient asks the SOC whether the lure is real: a draft while composing, then the sent copy. Neither passed
    // inbound transport and both hold the lure, yet the user's password is not stolen.
    private async Task ForwardLureToSocAsync(CancellationToken cancellationToken)
    {
        if (SocForwarder is not { } user) return;
        var draft = _tenant.Simulator.Tenant.SaveDraft(Address(user), SampleMail.ForwardToSoc(Domain, user, SocMailbox));
        // Writing takes a moment: the draft is seen before it is sent.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        _tenant.Simulator.Tenant.SendDraft(Address(user), draft.ImmutableId);
    }

    private async Task PlayUserTrafficAsync(CancellationToken cancellationToken)
    {
        var users = Enumerable.Range(0, _options.Mailboxes).Select(UserName).ToList();
        var items = await new UserTraffic(_tenant.Simulator.Tenant, Domain).PlayAsync(users, UserTrafficRounds, new Random(PlanSeed), cancellationToken);
        foreach (var item in items) _ordinary.Enqueue(item);
        _userTrafficItems = items.Count;
    }

    // One round (a meeting answered, a reply, a chat) per 40 inbound messages, at least one.
    private int UserTrafficRounds => Math.Max(1, _options.Benign / 40);

    private string? SocForwarder => _options.CampaignRecipients == 0 ? null : UserName(_options.Mailboxes - 1);

    private void AppendWave()
    {
        foreach (var user in Enumerable.Range(0, _options.Wave).Select(UserName))
        {
            Record(_wave, [_tenant.Simulator.Tenant.AppendAsImap(Address(user), SampleMail.AppendedLure(Domain, user))]);
        }
    }

    private void RecordOrdinary(IEnumerable<DeliveredMessage> copies, string kind)
    {
        foreach (var copy in copies)
        {
            _ordinary.Enqueue(new OrdinaryCopy(copy, kind, _tenant.Simulator.Tenant.FindMessage(copy.MailboxId, copy.ImmutableId)!.FolderId));
        }
    }

    private static void Record(ConcurrentQueue<DeliveredCopy> into, IEnumerable<DeliveredMessage> copies)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var copy in copies) into.Enqueue(new DeliveredCopy(copy, now));
    }

    // Done when every copy was scanned and every malicious one left its Inbox with a remediation recorded.
    private bool IsSettled()
    {
        var malicious = _phishing.Concat(_wave).ToList();
        if (malicious.Count < MaliciousPlanned || _ordinary.Count < OrdinaryPlanned) return false;
        if (_events.Count(PipelineEvents.MessageScanned) < malicious.Count + _ordinary.Count(c => c.Scannable)) return false;
        var remediated = _events.RemediationTimes();
        return malicious.All(copy => remediated.ContainsKey(copy.Message.ImmutableId) && !IsInInbox(copy));
    }

    private async Task<bool> WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            if (_clock.Elapsed > _options.Timeout) return false;
            await Task.Delay(200, cancellationToken);
        }
        return true;
    }

    // Alerts are raised while the last scans finish: wait until the event stream stands still for a moment.
    private async Task WaitForQuietAsync(CancellationToken cancellationToken)
    {
        var deadline = _clock.Elapsed + TimeSpan.FromSeconds(5);
        var seen = EventCount();
        while (_clock.Elapsed < deadline)
        {
            await Task.Delay(1000, cancellationToken);
            var now = EventCount();
            if (now == seen) return;
            seen = now;
        }
    }

    private int EventCount() => PipelineEvents.Alerting.Append(PipelineEvents.MessageScanned).Sum(_events.Count);

    private async Task<ShowcaseOutcome> OutcomeAsync(bool settled, CancellationToken cancellationToken)
    {
        var audit = await ExportAuditAsync(cancellationToken);
        var audited = audit.Select(r => (r.MailboxId, r.MessageId)).ToHashSet();
        var remediated = _events.RemediationTimes();
        var malicious = _phishing.Concat(_wave).ToList();
        var flagged = _events.Events<MailboxCompromised>()
            .Select(e => _tenant.Simulator.Tenant.FindMailbox(e.MailboxId)?.UserPrincipalName ?? e.MailboxId)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        bool WasTouched(OrdinaryCopy copy) =>
            _tenant.Simulator.Tenant.FindMessage(copy.Message.MailboxId, copy.Message.ImmutableId)?.FolderId != copy.FolderId
            || remediated.ContainsKey(copy.Message.ImmutableId) || audited.Contains((copy.Message.MailboxId, copy.Message.ImmutableId));
        CampaignOutcome Campaign(string name, string path, IReadOnlyCollection<DeliveredCopy> copies) => new(
            name, path, CampaignIdOf(copies), copies.Count,
            copies.Count(c => audited.Contains((c.Message.MailboxId, c.Message.ImmutableId))),
            copies.Count(c => remediated.ContainsKey(c.Message.ImmutableId) && !IsInInbox(c)));

        return new ShowcaseOutcome(
            _options,
            settled,
            _clock.Elapsed.TotalSeconds,
            [Campaign("credential phishing", "through transport", [.. _phishing]), Campaign("Email Appender wave", "appended over IMAP", [.. _wave])],
            _ordinary.Count,
            _ordinary.Count(WasTouched),
            _ordinary.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            VerdictCounts(),
            [.. Enumerable.Range(0, _options.Wave).Select(i => Address(UserName(i)))],
            flagged,
            SocForwarder is { } forwarder ? Address(forwarder) : null,
            _events.Count(PipelineEvents.CampaignHeld),
            _events.Events<MailboxesSkipped>().Sum(e => e.Count),
            new NotificationLoss(_tenant.Simulator.Metrics.DroppedNotifications, _events.Events<MailboxesReconciled>().Sum(e => e.Messages)),
            PipelineEvents.Alerting.ToDictionary(name => name, _events.Count, StringComparer.Ordinal),
            Percentiles.Of(malicious.Where(c => remediated.ContainsKey(c.Message.ImmutableId))
                .Select(c => Stopwatch.GetElapsedTime(c.DeliveredAt, remediated[c.Message.ImmutableId]).TotalSeconds)),
            _tenant.Simulator.Metrics.GraphRequests,
            _tenant.Simulator.Metrics.ThrottledRequests,
            _tenant.Simulator.Metrics.NotificationsDelivered,
            audit);
    }

    // Azurite keeps its tables in memory only: the audit trail is read out before it stops.
    private async Task<List<AuditRecord>> ExportAuditAsync(CancellationToken cancellationToken)
    {
        var trail = new TableAuditTrail(new TableServiceClient(_tenant.AzuriteConnectionString));
        var campaignIds = _events.Events<MessageRemediated>().Select(e => e.CampaignId)
            .Concat(_events.Events<RemediationFailed>().Select(e => e.CampaignId)).Distinct(StringComparer.Ordinal);
        var records = new List<AuditRecord>();
        foreach (var campaignId in campaignIds) records.AddRange(await trail.ListAsync(campaignId, null, cancellationToken));
        return records;
    }

    // The campaign most of these copies were scanned into.
    private string? CampaignIdOf(IEnumerable<DeliveredCopy> copies)
    {
        var ids = copies.Select(c => c.Message.ImmutableId).ToHashSet(StringComparer.Ordinal);
        return _events.Events<MessageScanned>()
            .Where(e => ids.Contains(e.MessageId))
            .GroupBy(e => e.CampaignId)
            .MaxBy(g => g.Count())?.Key;
    }

    private Dictionary<string, int> VerdictCounts()
    {
        var counts = Bands.ToDictionary(b => b, _ => 0, StringComparer.Ordinal);
        foreach (var scan in _events.Events<MessageScanned>())
        {
            var band = scan.Band.ToString().ToLowerInvariant();
            counts[band] = counts.GetValueOrDefault(band) + 1;
        }
        return counts;
    }

    private bool IsInInbox(DeliveredCopy copy) =>
        _tenant.Simulator.Tenant.FindMessage(copy.Message.MailboxId, copy.Message.ImmutableId)?.FolderWellKnownName == Inbox;

    private Task DelayUntilAsync(TimeSpan at, CancellationToken cancellationToken) =>
        at > _clock.Elapsed ? Task.Delay(at - _clock.Elapsed, cancellationToken) : Task.CompletedTask;

    // Mostly colleagues and suppliers writing to one to three users; every 25th placed over IMAP, every 20th to the
    // first user's alias, every 40th to a Microsoft 365 group.
    private static IReadOnlyList<OrdinaryMessage> PlanOrdinaryMail(ShowcaseOptions options)
    {
        var random = new Random(PlanSeed);
        var groupMembers = Math.Min(ShowcaseDirectory.AnnouncementsMembers, options.Mailboxes);
        return
        [
            .. Enumerable.Range(0, options.Benign).Select(number =>
            {
                var colleague = UserName(random.Next(options.Mailboxes));
                var recipients = Enumerable.Range(0, random.Next(1, 4)).Select(_ => UserName(random.Next(options.Mailboxes))).Distinct(StringComparer.Ordinal).ToArray();
                return (number % 25, number % 20, number % 40) switch
                {
                    (24, _, _) => new OrdinaryMessage(number, colleague, recipients[..1], OrdinaryKinds.Appended, 1),
                    (_, 7, _) => new OrdinaryMessage(number, colleague, [ShowcaseDirectory.Alias], OrdinaryKinds.ToAlias, 1),
                    (_, _, 13) => new OrdinaryMessage(number, colleague, [ShowcaseDirectory.Announcements], OrdinaryKinds.ToGroup, groupMembers),
                    _ => new OrdinaryMessage(number, colleague, recipients, OrdinaryKinds.Transported, recipients.Length),
                };
            }),
        ];
    }

    private static string UserName(int index) => $"user{index:D4}";

    private static string Address(string userName) => $"{userName}@{Domain}";

    public ValueTask DisposeAsync() => _tenant.DisposeAsync();

    /// <param name="Recipients">User names, an alias or a group, in the tenant's domain.</param>
    /// <param name="Kind">How it arrives (<see cref="OrdinaryKinds"/>): appended over IMAP, or through transport to users, an alias or a group.</param>
    /// <param name="Copies">How many mailboxes it reaches.</param>
    private sealed record OrdinaryMessage(int Number, string Colleague, string[] Recipients, string Kind, int Copies);
}
