using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Audit;
using Remediation.Core.Breakers;
using Remediation.Core.Campaigns;
using Remediation.Core.Compromise;
using Remediation.Core.Hunting;
using Remediation.Core.Indexing;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Tests.Scanning;
using Remediation.Core.Verdicts;
using static Microsoft.Extensions.Options.Options;

namespace Remediation.Core.Tests.Hunting;

/// <summary>
/// The hunt stage over the in-memory twins of its ports and a fake clock: mail is delivered to the mailboxes, scanned
/// into the index as the scan stage files it, and hunted for later with what the tenant learned since.
/// </summary>
internal sealed class HuntFixture
{
    public const string Domain = TestMail.Domain;
    public const string LaterBadDomain = "later-bad.example";
    public const string Analyst = "soc@contoso.example";
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);
    private static readonly Lazy<ScanEngine> SharedEngine = new(() => TestMail.Engine());

    // Fingerprints ignore numbers: each edition is named in words, so each is a content of its own.
    private static readonly string[] Editions = ["amber", "birch", "cedar", "dahlia", "elm", "fern", "garnet", "hazel", "iris", "juniper"];

    private readonly InMemoryVerdictStore _verdicts = new();

    public HuntFixture()
    {
        Mailboxes = new InMemoryMailboxGateway(Clock);
        Campaigns = new InMemoryCampaignStore(Clock);
        Alice = Mailboxes.AddMailbox($"alice@{Domain}");
        Bob = Mailboxes.AddMailbox($"bob@{Domain}");
        Carol = Mailboxes.AddMailbox($"carol@{Domain}");
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public InMemoryHuntStore Hunts { get; } = new();

    public InMemoryMessageIndex Index { get; } = new();

    public InMemoryWorkQueue Queue { get; } = new();

    public InMemoryMailboxGateway Mailboxes { get; }

    public InMemoryCampaignStore Campaigns { get; }

    public InMemoryAuditTrail Audit { get; } = new();

    public RecordingTelemetry Telemetry { get; } = new();

    public HuntOptions Options { get; } = new();

    public RemediationOptions Remediation { get; } = new();

    public DetectionOptions Detection { get; } = new();

    public string Alice { get; }

    public string Bob { get; }

    public string Carol { get; }

    public static ScanEngine Engine => SharedEngine.Value;

    /// <summary>The scan stage as it runs for live mail, filing what it scans in the index.</summary>
    public MessageScanner Scanner(ScanEngine? engine = null) => new(
        Mailboxes, engine ?? Engine, Queue, _verdicts, Campaigns, Index,
        new AccountCompromiseDetector(new InMemoryCompromiseLedger(), new InMemoryAccountGateway(), Queue, Breaker(), Telemetry, Create(new CompromiseOptions()), Clock, NullLogger<AccountCompromiseDetector>.Instance),
        new MessageAuthorship(Mailboxes), Telemetry, Clock, NullLogger<MessageScanner>.Instance);

    /// <summary>The hunt stage; <paramref name="engine"/> is the engine it re-judges with (what the tenant knows now).</summary>
    public HuntRunner Runner(ScanEngine? engine = null, IHuntStore? hunts = null) =>
        new(hunts ?? Hunts, Index, Scanner(engine), Queue, Telemetry, Create(Options), Create(Remediation), Clock, NullLogger<HuntRunner>.Instance);

    public HuntControl Control() => new(
        Hunts, Queue, new RemediationUndo(Audit, Mailboxes, Campaigns, Telemetry, Clock, NullLogger<RemediationUndo>.Instance),
        Create(Options), Clock, NullLogger<HuntControl>.Instance);

    public HuntTriggers Triggers() => new(Control(), Hunts, Create(Detection), Create(Options), Clock, NullLogger<HuntTriggers>.Instance);

    /// <summary>A partner's update: clean on its own, linking to <paramref name="host"/>; each edition (1 to 10) is a content of its own.</summary>
    public static string Update(int edition, string host = "news." + LaterBadDomain, string from = "updates@partner.example") =>
        $"From: Partner Updates <{from}>\r\nTo: alice@{Domain}\r\nSubject: Product update: the {Editions[edition - 1]} edition\r\n" +
        $"Message-ID: <update-{edition}-{Guid.NewGuid():N}@partner.example>\r\nDate: Sun, 22 Nov 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
        $"Hello,\r\n\r\nThe {Editions[edition - 1]} edition of our product update is out, with the release notes for this month's version:\r\n\r\n" +
        $"https://{host}/updates/{Editions[edition - 1]}\r\n\r\nPartner Updates\r\n";

    /// <summary>Delivers the message to the mailbox and scans it as the scan stage would; returns its id.</summary>
    public async Task<string> DeliverAndScanAsync(string mailboxId, string mime, DateTimeOffset? receivedAt = null, string folder = WellKnownFolders.Inbox)
    {
        var messageId = Mailboxes.AddMessage(mailboxId, mime, folder, receivedAt ?? Now.AddDays(-1));
        var verdict = await Scanner().ScanAsync(new ScanRequest(mailboxId, messageId, null, Now.AddDays(-1)), CancellationToken.None);
        Assert.Equal(VerdictBand.Clean, verdict?.Band);
        return messageId;
    }

    public Task<Hunt> CreateAsync(Indicator indicator, bool reportOnly = false, DateTimeOffset? since = null, HuntTrigger trigger = HuntTrigger.Analyst, string id = "hunt-1") =>
        CreateAsync(new Hunt(id, indicator, since ?? Now.AddDays(-7), reportOnly, trigger, Analyst, Now));

    public async Task<Hunt> CreateAsync(Hunt hunt)
    {
        Assert.True(await Hunts.TryCreateAsync(hunt, CancellationToken.None));
        return hunt;
    }

    public Task<HuntProgress> ProgressAsync(string huntId = "hunt-1") => Hunts.ProgressAsync(huntId, CancellationToken.None);

    public Task<IReadOnlyList<HuntFinding>> FindingsAsync(string huntId = "hunt-1") => Hunts.FindingsAsync(huntId, CancellationToken.None);

    /// <summary>The seeds handed to the campaign stage, oldest first; taking them empties the queue.</summary>
    public IReadOnlyList<MaliciousMessage> Seeds() => Queue.Drain<MaliciousMessage>(WorkQueueNames.Campaigns);

    public IReadOnlyList<HuntRequest> HuntRequests() => Queue.Drain<HuntRequest>(WorkQueueNames.Hunts);

    public static string CampaignIdOf(string mime) => Engine.FingerprintOf(TestMail.Parse(mime)).CampaignId;

    private CircuitBreaker Breaker() => new(new InMemoryHourlyBudget(), Telemetry, Clock, NullLogger<CircuitBreaker>.Instance);
}
