using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Audit;
using Remediation.Core.Breakers;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Tests.Scanning;

namespace Remediation.Core.Tests.Remediation;

/// <summary>The remediation stage over the in-memory twins of its ports, a fake clock and one mailbox, alice's.</summary>
internal sealed class RemediationFixture
{
    public const string QuarantineFolder = "Quarantine (security)";
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);
    // The lure's link host is blocked, so a copy of it is malicious by itself, as a copy found by Message-ID must be.
    private static readonly Lazy<ScanEngine> SharedEngine = new(() => TestMail.Engine(d => d.BlockedUrlDomains = ["login-verify.example"]));

    public RemediationFixture()
    {
        Alice = Mailboxes.AddMailbox($"alice@{TestMail.Domain}");
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public InMemoryMailboxGateway Mailboxes { get; } = new();

    public InMemoryAuditTrail Audit { get; } = new();

    /// <summary>The quarantine folders' ids, as every instance shares them.</summary>
    public InMemoryHiddenFolderIds HiddenFolders { get; } = new();

    public RecordingTelemetry Telemetry { get; } = new();

    public RemediationOptions Options { get; } = new();

    public string Alice { get; }

    public static ScanEngine Engine => SharedEngine.Value;

    public MailboxRemediator Remediator(IAuditTrail? audit = null) => new(
        Mailboxes, HiddenFolders, audit ?? Audit, Engine, Telemetry,
        new CircuitBreaker(new InMemoryHourlyBudget(), Telemetry, Clock, NullLogger<CircuitBreaker>.Instance),
        Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<MailboxRemediator>.Instance);

    /// <summary>A campaign's message: the same lure for every copy unless the body says otherwise.</summary>
    public static string Lure(string internetMessageId, string body = "Your mailbox is full. Verify your account at https://login-verify.example/reset today.") =>
        $"From: IT Helpdesk <helpdesk@login-verify.example>\r\nTo: alice@{TestMail.Domain}\r\nSubject: Mailbox quota exceeded\r\n" +
        $"Message-ID: <{internetMessageId}>\r\nDate: Sun, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n";

    public static string FingerprintOf(string mime) => Engine.FingerprintOf(TestMail.Parse(mime)).Id;

    public string Deliver(string folder = WellKnownFolders.Inbox, string? mime = null) =>
        Mailboxes.AddMessage(Alice, mime ?? Lure($"{Guid.NewGuid():N}@login-verify.example"), folder);

    /// <summary>A phishing meeting invitation, as transport delivers it: with its tentative entry in alice's calendar.</summary>
    public string DeliverInvitation() =>
        Mailboxes.DeliverMeetingRequest(Alice,
            $"From: IT Helpdesk <helpdesk@login-verify.example>\r\nTo: alice@{TestMail.Domain}\r\nSubject: Mandatory: password expiry review\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@login-verify.example>\r\nDate: Sun, 29 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nVerify your account at https://login-verify.example/reset before the meeting.\r\n" +
            "--b\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Password expiry review\r\n" +
            "END:VEVENT\r\nEND:VCALENDAR\r\n--b--\r\n");

    public Task<string> FolderIdAsync(string wellKnownName) => Mailboxes.GetFolderIdAsync(Alice, wellKnownName, CancellationToken.None);

    public async Task<string?> KeptQuarantineIdAsync() =>
        (await HiddenFolders.FindAsync(Options.QuarantineFolderName, [Alice], CancellationToken.None)).GetValueOrDefault(Alice);

    public Task<string> QuarantineIdAsync() => Mailboxes.EnsureHiddenFolderAsync(Alice, Options.QuarantineFolderName, CancellationToken.None);

    /// <summary>A job for copies of alice's by id, notified 90 seconds ago.</summary>
    public RemediationJob Job(RemediationAction? action, params string[] messageIds) =>
        new($"campaign-{Guid.NewGuid():N}", [new MailboxCopies(Alice, messageIds, [])], action, ["R1", "R2"], Now.AddSeconds(-90));

    public Task<AuditRecord?> RecordAsync(RemediationJob job, string messageId) =>
        Audit.FindAsync(job.CampaignId, Alice, messageId, CancellationToken.None);
}

internal static class RemediationJobs
{
    /// <summary>The same job, acting in one more mailbox.</summary>
    public static RemediationJob AlsoIn(this RemediationJob job, MailboxCopies mailbox) => job with { Mailboxes = [.. job.Mailboxes, mailbox] };
}
