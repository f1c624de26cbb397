using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Remediation.Core.Breakers;
using Remediation.Core.Campaigns;
using Remediation.Core.Compromise;
using Remediation.Core.Hunting;
using Remediation.Core.Indexing;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;
using Remediation.Core.Telemetry;
using Remediation.Core.Verdicts;

namespace Remediation.Core.Tests.Scanning;

/// <summary>
/// The scan stage's decisions on the in-memory twins: what it skips, the verdict and the events it emits, what it
/// indexes and queues, when a malicious message tells on an account, and that the verdict is recorded last.
/// </summary>
public sealed class MessageScannerTests
{
    private const string Domain = TestMail.Domain;
    private const string MalwareMessageId = "<a1b2c3d4e5@mail.partner.example>";
    private const string MalwareCampaign = "b94d515e738d24c8bf08d0ccf6b8d7d0";
    private const string MalwareRule = "ARCHIVE_WITH_EXECUTABLE";
    private const string BypassRules = "TRANSPORT_BYPASS,NO_RECEIVED_HOPS";
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotifiedAt = Now.AddSeconds(-30);
    private static readonly Lazy<ScanEngine> SharedEngine = new(() => TestMail.Engine());

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly InMemoryMailboxGateway _mailboxes;
    private readonly InMemoryVerdictStore _verdicts = new();
    private readonly InMemoryWorkQueue _queue = new();
    private readonly InMemoryCampaignStore _campaigns;
    private readonly InMemoryMessageIndex _index = new();
    private readonly InMemoryCompromiseLedger _ledger = new();
    private readonly RecordingTelemetry _telemetry = new();
    private readonly string _alice;
    private readonly string _bob;

    public MessageScannerTests()
    {
        _mailboxes = new InMemoryMailboxGateway(_clock);
        _campaigns = new InMemoryCampaignStore(_clock);
        _alice = _mailboxes.AddMailbox($"alice@{Domain}");
        _bob = _mailboxes.AddMailbox($"bob@{Domain}");
    }

    private static ScanEngine Engine => SharedEngine.Value;

    // Already scanned, gone, not mail, in Junk: nothing to scan

    [Fact]
    public async Task Scan_AlreadyScanned_ReturnsNullAndLeavesTheStoredVerdict()
    {
        var id = Deliver(Transported(Malware()));
        var earlier = new VerdictRecord(_alice, id, MalwareMessageId, VerdictBand.Clean, ThreatCategory.Clean, 0, [], Now.AddHours(-1));
        await _verdicts.SaveAsync(earlier, CancellationToken.None);

        var verdict = await ScanAsync(id);

        Assert.Null(verdict);
        Assert.Equal((VerdictBand.Clean, Now.AddHours(-1)), (_verdicts.Find(_alice, id)?.Band, _verdicts.Find(_alice, id)?.ScannedAt));
        await AssertNothingRecordedAsync();
        Assert.Empty(Later());
    }

    [Fact]
    public async Task Scan_AlreadyScannedInAnotherMailbox_ScansThisCopy()
    {
        var id = Deliver(Transported(Malware()));
        await _verdicts.SaveAsync(new VerdictRecord(_bob, id, MalwareMessageId, VerdictBand.Clean, ThreatCategory.Clean, 0, [], Now), CancellationToken.None);

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
        Assert.True(await _verdicts.ContainsAsync(_alice, id, CancellationToken.None));
    }

    [Fact]
    public async Task Scan_MessageGone_ReturnsNullAndRecordsNothing()
    {
        var verdict = await ScanAsync("message-that-is-not-there");

        Assert.Null(verdict);
        Assert.False(await _verdicts.ContainsAsync(_alice, "message-that-is-not-there", CancellationToken.None));
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Scan_TeamsChatItem_IsSkippedAndNotRecorded()
    {
        var chat = _mailboxes.AddTeamsChat(_alice, $"bob@{Domain}", "Click https://login-verify.example/reset now");

        var verdict = await ScanAsync(chat);

        Assert.Null(verdict);
        Assert.False(await _verdicts.ContainsAsync(_alice, chat, CancellationToken.None));
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Scan_MessageInJunk_IsSkippedAndNotRecorded()
    {
        var id = Deliver(Transported(Malware()), WellKnownFolders.JunkEmail);

        var verdict = await ScanAsync(id);

        Assert.Null(verdict);
        // Not recorded: moved out of Junk by its user, the message is scanned then.
        Assert.False(await _verdicts.ContainsAsync(_alice, id, CancellationToken.None));
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Scan_MessageMovedOutOfJunk_IsScanned()
    {
        var id = Deliver(Transported(Malware()), WellKnownFolders.JunkEmail);
        await ScanAsync(id);
        await _mailboxes.MoveAsync(_alice, id, await FolderIdAsync(WellKnownFolders.Inbox), CancellationToken.None);

        // The move's own notification: another request, which finds the message free to scan.
        var verdict = await Scanner().ScanAsync(Request(id) with { NotifiedAt = Now }, CancellationToken.None);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
    }

    // Verdicts and the events each emits

    [Fact]
    public async Task Scan_Clean_EmitsMessageScannedOnlyAndQueuesNothing()
    {
        var mime = Transported(TestMail.Load("Provenance", "colleague-note.eml"));
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.NotNull(verdict);
        Assert.Equal((VerdictBand.Clean, ThreatCategory.Clean, 0d, ""), (verdict.Band, verdict.Category, verdict.Score, string.Join(',', verdict.RuleNames)));
        var fingerprint = Engine.FingerprintOf(mime);
        Assert.Equal(Scanned(id, "<4f1c2d3e@contoso.example>", fingerprint.CampaignId, fingerprint.Id, "Clean", "Clean", "0", ""), Assert.Single(Events(PipelineEvents.MessageScanned)));
        Assert.Empty(Events(PipelineEvents.SuspiciousMessage));
        Assert.Empty(Events(PipelineEvents.MessageUnscannable));
        Assert.Empty(Seeds());
        Assert.Empty(await EvidenceAsync(_alice));
        Assert.Equal(new VerdictRecord(_alice, id, "<4f1c2d3e@contoso.example>", VerdictBand.Clean, ThreatCategory.Clean, 0, [], Now) with { Rules = Saved(id).Rules }, Saved(id));
        Assert.Empty(Saved(id).Rules);
    }

    [Fact]
    public async Task Scan_Suspicious_EmitsMessageScannedAndSuspiciousMessageAndQueuesNothing()
    {
        var mime = Transported(TestMail.Load("Attachments", "html-login-form.eml"));
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.NotNull(verdict);
        Assert.Equal((VerdictBand.Suspicious, ThreatCategory.Phishing, 6d), (verdict.Band, verdict.Category, verdict.Score));
        var fingerprint = Engine.FingerprintOf(mime);
        var expected = Scanned(id, MalwareMessageId, fingerprint.CampaignId, fingerprint.Id, "Suspicious", "Phishing", "6", "HTML_ATTACHMENT_LOGIN_FORM");
        Assert.Equal(expected, Assert.Single(Events(PipelineEvents.MessageScanned)));
        Assert.Equal(expected, Assert.Single(Events(PipelineEvents.SuspiciousMessage)));
        Assert.Empty(Events(PipelineEvents.MessageUnscannable));
        Assert.Empty(Seeds());
        Assert.Equal((VerdictBand.Suspicious, ThreatCategory.Phishing, 6d, "HTML_ATTACHMENT_LOGIN_FORM"), (Saved(id).Band, Saved(id).Category, Saved(id).Score, string.Join(',', Saved(id).Rules)));
    }

    [Fact]
    public async Task Scan_Unscannable_EmitsMessageUnscannableWithTheReasonAndQueuesNothing()
    {
        var mime = Transported(TestMail.Load("Limits", "zip-bomb.eml"));
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.NotNull(verdict);
        Assert.Equal((VerdictBand.Unscannable, ScanLimit.Archive), (verdict.Band, verdict.Unscannable?.Limit));
        var fingerprint = Engine.FingerprintOf(mime);
        var scanned = Scanned(id, MalwareMessageId, fingerprint.CampaignId, fingerprint.Id, "Unscannable", "Clean", "0", "");
        Assert.Equal(scanned, Assert.Single(Events(PipelineEvents.MessageScanned)));
        var unscannable = Assert.Single(Events(PipelineEvents.MessageUnscannable));
        Assert.Equal("archive entry zeros.bin is compressed more than 100:1", unscannable[PipelineEventProperties.Reason]);
        Assert.Equal(scanned, unscannable.Where(p => p.Key != PipelineEventProperties.Reason).ToDictionary());
        Assert.Empty(Events(PipelineEvents.SuspiciousMessage));
        Assert.Empty(Seeds());
        Assert.Equal(VerdictBand.Unscannable, Saved(id).Band);
    }

    [Fact]
    public async Task Scan_Malicious_EmitsMessageScannedAndQueuesTheSeedForTheCampaignStage()
    {
        var mime = Transported(Malware());
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.NotNull(verdict);
        Assert.Equal((VerdictBand.Malicious, ThreatCategory.Malware, 10d, MalwareRule), (verdict.Band, verdict.Category, verdict.Score, string.Join(',', verdict.RuleNames)));
        var fingerprint = Engine.FingerprintOf(mime);
        Assert.Equal(Scanned(id, MalwareMessageId, MalwareCampaign, fingerprint.Id, "Malicious", "Malware", "10", MalwareRule), Assert.Single(Events(PipelineEvents.MessageScanned)));
        Assert.Empty(Events(PipelineEvents.SuspiciousMessage));
        Assert.Empty(Events(PipelineEvents.MessageUnscannable));
        var seed = Assert.Single(Seeds());
        Assert.Equal(
            (MalwareCampaign, _alice, id, MalwareMessageId, ThreatCategory.Malware, 10d, MalwareRule, NotifiedAt, fingerprint.Id, false),
            (seed.CampaignId, seed.MailboxId, seed.MessageId, seed.InternetMessageId, seed.Category, seed.Score, string.Join(',', seed.Rules), seed.NotifiedAt, seed.Fingerprint, seed.OwnCopy));
        Assert.Null(seed.Letterhead);
        Assert.Equal(
            new VerdictRecord(_alice, id, MalwareMessageId, VerdictBand.Malicious, ThreatCategory.Malware, 10, [MalwareRule], Now) with { Rules = Saved(id).Rules },
            Saved(id));
        Assert.Equal([MalwareRule], Saved(id).Rules);
    }

    [Fact]
    public async Task Scan_MaliciousWithoutContentToStandForACampaign_ActsUnderAKeyOfThisMessageAlone()
    {
        var mime = Transported(TestMail.Load("Links", "link-to-data-uri.eml"));
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
        Assert.Null(verdict!.CampaignKey);
        var expected = Engine.FingerprintOf(mime).SingleMessageKey($"<{mime.MessageId}>", _alice, id);
        var seed = Assert.Single(Seeds());
        Assert.Equal((expected, Letterhead.Of(mime)), (seed.CampaignId, seed.Letterhead));
        Assert.StartsWith("m", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(Events(PipelineEvents.MessageScanned))[PipelineEventProperties.CampaignId]);
    }

    [Fact]
    public async Task Scan_ClockMovesOn_StampsTheVerdictWithTheTimeOfTheScan()
    {
        var id = Deliver(Transported(Malware()));
        _clock.Advance(TimeSpan.FromMinutes(7));

        await ScanAsync(id);

        Assert.Equal(Now.AddMinutes(7), Saved(id).ScannedAt);
    }

    [Fact]
    public async Task Scan_MaliciousWithoutAMessageId_ReportsItEmptyAndSavesNone()
    {
        var mime = Transported(Malware());
        mime.Headers.Remove(HeaderId.MessageId);
        var id = Deliver(mime);

        await ScanAsync(id);

        Assert.Equal("", Assert.Single(Events(PipelineEvents.MessageScanned))[PipelineEventProperties.InternetMessageId]);
        Assert.Null(Saved(id).InternetMessageId);
        Assert.Null(Assert.Single(Seeds()).InternetMessageId);
    }

    [Fact]
    public async Task Scan_Canceled_ThrowsAndSavesNothing()
    {
        var id = Deliver(Transported(Malware()));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Scanner().ScanAsync(Request(id), new CancellationToken(canceled: true)));

        Assert.False(await _verdicts.ContainsAsync(_alice, id, CancellationToken.None));
        Assert.Empty(Seeds());
    }

    // The index record

    [Fact]
    public async Task Scan_IndexesTheMessageUnderItsCampaignKeyWithItsVerdict()
    {
        var id = Deliver(Transported(Malware()), receivedAt: Now.AddMinutes(-2));

        await ScanAsync(id);

        var copy = Assert.Single((await _index.PageAsync(IndexKeys.AnyMessage, Now.AddDays(-1), null, 10, CancellationToken.None)).Copies);
        Assert.Equal(
            (_alice, id, MalwareMessageId, Now.AddMinutes(-2), MalwareCampaign, true, VerdictBand.Malicious, false),
            (copy.MailboxId, copy.MessageId, copy.InternetMessageId, copy.ReceivedAt, copy.CampaignKey, copy.StandsForCampaign, copy.Band, copy.IsOwnCopy));
        Assert.Equal([new CopyLocation(_alice, id, MalwareMessageId, false)], await _index.CopiesAsync(MalwareCampaign, CancellationToken.None));
    }

    [Fact]
    public async Task Scan_CleanMessage_IsIndexedToo()
    {
        var mime = Transported(TestMail.Load("Provenance", "colleague-note.eml"));
        var id = Deliver(mime);

        await ScanAsync(id);

        Assert.Equal(
            [new CopyLocation(_alice, id, "<4f1c2d3e@contoso.example>", false)],
            await _index.CopiesAsync(Engine.FingerprintOf(mime).CampaignId, CancellationToken.None));
        var copy = Assert.Single((await _index.PageAsync(IndexKeys.AnyMessage, Now.AddDays(-1), null, 10, CancellationToken.None)).Copies);
        Assert.Equal(VerdictBand.Clean, copy.Band);
    }

    // Campaign memory

    // Only the SOC vouches for a content as such: no fingerprint holds every piece of evidence a verdict read.
    [Fact]
    public async Task Scan_CopyOfACampaignTheSocApproved_IsJudgedMaliciousWithIt()
    {
        var mime = Transported(TestMail.Load("Provenance", "colleague-note.eml"));
        var campaignId = Engine.FingerprintOf(mime).CampaignId;
        await AddCampaignAsync(campaignId, CampaignStatus.Approved, ThreatCategory.Phishing);
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.NotNull(verdict);
        Assert.Equal((VerdictBand.Malicious, ThreatCategory.Phishing, 20d, "KNOWN_CAMPAIGN"), (verdict.Band, verdict.Category, verdict.Score, string.Join(',', verdict.RuleNames)));
        var seed = Assert.Single(Seeds());
        Assert.Equal((campaignId, ThreatCategory.Phishing, "KNOWN_CAMPAIGN"), (seed.CampaignId, seed.Category, string.Join(',', seed.Rules)));
        Assert.Equal(campaignId, Assert.Single(Events(PipelineEvents.MessageScanned))[PipelineEventProperties.CampaignId]);
        Assert.Equal(VerdictBand.Malicious, Saved(id).Band);
    }

    // A campaign that acts on the pipeline's own verdict: its seed may have shown evidence its fingerprint does not
    // hold (a hidden word, a header), which a copy of a real message does not show.
    [Theory]
    [InlineData(CampaignStatus.Active)]
    [InlineData(CampaignStatus.Held)]
    [InlineData(CampaignStatus.Released)]
    public async Task Scan_CopyOfACampaignTheSocDidNotApprove_IsJudgedAlone(CampaignStatus status)
    {
        var mime = Transported(TestMail.Load("Provenance", "colleague-note.eml"));
        await AddCampaignAsync(Engine.FingerprintOf(mime).CampaignId, status, ThreatCategory.Phishing);
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.NotNull(verdict);
        Assert.Equal((VerdictBand.Clean, 0d), (verdict.Band, verdict.Score));
        Assert.Empty(Seeds());
    }

    // The seed was malicious only through how its copy arrived (copy-bound, a spam campaign), or it scored 14, of
    // which 2.5 were for how its copy arrived, so its content alone (11.5) is below the floor (12).
    [Theory]
    [InlineData(true, CampaignStatus.Active, VerdictBand.Clean)]
    [InlineData(true, CampaignStatus.Approved, VerdictBand.Malicious)]
    [InlineData(false, CampaignStatus.Active, VerdictBand.Clean)]
    [InlineData(false, CampaignStatus.Approved, VerdictBand.Malicious)]
    public async Task Scan_CopyOfACampaignWhoseSeedReachedTheLineOnlyThroughHowItArrived_IsJudgedAloneUntilApproved(bool copyBound, CampaignStatus status, VerdictBand band)
    {
        var mime = Transported(TestMail.Load("Provenance", "colleague-note.eml"));
        await AddCampaignAsync(Engine.FingerprintOf(mime).CampaignId, status, copyBound ? ThreatCategory.Spam : ThreatCategory.Phishing,
            copyBound: copyBound, arrived: !copyBound);

        var verdict = await ScanAsync(Deliver(mime));

        Assert.Equal(band, verdict?.Band);
    }

    [Fact]
    public async Task Scan_SuspiciousCopyOfAnApprovedCampaign_IsJudgedMaliciousWithIt()
    {
        var mime = Transported(TestMail.Load("Attachments", "html-login-form.eml"));
        var campaignId = Engine.FingerprintOf(mime).CampaignId;
        await AddCampaignAsync(campaignId, CampaignStatus.Approved, ThreatCategory.Phishing);
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.Equal((VerdictBand.Malicious, 26d, "HTML_ATTACHMENT_LOGIN_FORM,KNOWN_CAMPAIGN"), (verdict?.Band, verdict?.Score, string.Join(',', verdict!.RuleNames)));
        Assert.Empty(Events(PipelineEvents.SuspiciousMessage));
        Assert.Equal(campaignId, Assert.Single(Seeds()).CampaignId);
    }

    [Fact]
    public async Task Scan_UnscannableCopyOfAnActiveCampaign_StaysUnscannable()
    {
        var mime = Transported(TestMail.Load("Limits", "zip-bomb.eml"));
        await AddCampaignAsync(Engine.FingerprintOf(mime).CampaignId, CampaignStatus.Active, ThreatCategory.Malware);
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.Equal((VerdictBand.Unscannable, ""), (verdict?.Band, string.Join(',', verdict!.RuleNames)));
        Assert.Empty(Seeds());
        Assert.Single(Events(PipelineEvents.MessageUnscannable));
    }

    [Fact]
    public async Task Scan_CampaignOfAnotherFingerprint_LendsNothing()
    {
        await AddCampaignAsync("0123456789abcdef0123456789abcdef", CampaignStatus.Active, ThreatCategory.Phishing);
        var id = Deliver(Transported(TestMail.Load("Provenance", "colleague-note.eml")));

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Clean, verdict?.Band);
    }

    [Fact]
    public async Task Scan_MaliciousAloneAndACampaignActs_KeepsItsOwnVerdictAndCampaignKey()
    {
        await AddCampaignAsync(MalwareCampaign, CampaignStatus.Active, ThreatCategory.Phishing);
        var id = Deliver(Transported(Malware()));

        var verdict = await ScanAsync(id);

        Assert.NotNull(verdict);
        Assert.Equal((ThreatCategory.Malware, 10d, MalwareRule), (verdict.Category, verdict.Score, string.Join(',', verdict.RuleNames)));
        Assert.Equal(MalwareCampaign, Assert.Single(Seeds()).CampaignId);
    }

    // Compromise evidence

    [Fact]
    public async Task Scan_MaliciousAppendedIntoTheInbox_RecordsEvidenceAgainstTheMailbox()
    {
        var id = Deliver(Malware());

        var verdict = await ScanAsync(id);

        Assert.Equal((VerdictBand.Malicious, $"{BypassRules},{MalwareRule}"), (verdict?.Band, string.Join(',', verdict!.RuleNames)));
        Assert.Equal([new CompromiseEvidence(_alice, id, MalwareCampaign, Now)], await EvidenceAsync(_alice));
        Assert.Equal(MalwareCampaign, Assert.Single(Seeds()).CampaignId);
    }

    [Fact]
    public async Task Scan_MaliciousAppendedHoursAgo_RecordsEvidenceAtTheTimeItWasPlaced()
    {
        var id = Deliver(Malware());
        _clock.Advance(TimeSpan.FromHours(5));

        await ScanAsync(id);

        Assert.Equal(Now, Assert.Single(await EvidenceAsync(_alice)).At);
    }

    [Fact]
    public async Task Scan_MaliciousAppendedWithAFutureArrivalTime_RecordsEvidenceNow()
    {
        var id = Deliver(Malware(), receivedAt: Now.AddDays(30));

        await ScanAsync(id);

        Assert.Equal(Now, Assert.Single(await EvidenceAsync(_alice)).At);
    }

    // A migration appends a mailbox's history with its original dates: its old phish is remediated, and says nothing
    // of who holds the account today.
    [Fact]
    public async Task Scan_MaliciousAppendedWithAnArrivalTimeMonthsAgo_IsQueuedButRecordsNoEvidence()
    {
        var id = Deliver(Malware(), receivedAt: Now.AddDays(-200));

        await ScanAsync(id);

        Assert.Single(Seeds());
        Assert.Empty(await EvidenceAsync(_alice));
    }

    // Content over the suspicious band is what an appender places now; the same content a migration brings with last
    // week's date stays suspicious: the engine hears when the store created the item, and the date it gave it.
    [Theory]
    [InlineData(0, VerdictBand.Malicious)]
    [InlineData(3, VerdictBand.Suspicious)]
    public async Task Scan_SuspiciousContentPlacedWithoutTransport_IsMaliciousUnlessDatedBeforeTheStoreCreatedIt(int daysAgo, VerdictBand band)
    {
        var verdict = await ScanAsync(Deliver(NewsletterWithoutShortener(), receivedAt: Now.AddDays(-daysAgo)));

        Assert.Equal(band, verdict?.Band);
        Assert.Equal(band == VerdictBand.Malicious, verdict!.RuleNames.Contains(AppendedSuspiciousContentRule.Name));
    }

    // A migration that brings last week's mail creates each item now with its original date: history, not evidence.
    [Fact]
    public async Task Scan_MaliciousAppendedWithAnArrivalTimeDaysBeforeItWasCreated_IsQueuedButRecordsNoEvidence()
    {
        var id = Deliver(Malware(), receivedAt: Now.AddDays(-2));

        await ScanAsync(id);

        Assert.Single(Seeds());
        Assert.Empty(await EvidenceAsync(_alice));
    }

    // The appender dates what it places: backdated a few hours, a lure still sits among the user's newest mail, and
    // must not pass for history to spare the stolen account.
    [Fact]
    public async Task Scan_MaliciousAppendedBackdatedByHours_RecordsEvidence()
    {
        var id = Deliver(Malware(), receivedAt: Now.AddHours(-5));

        await ScanAsync(id);

        Assert.Single(await EvidenceAsync(_alice));
    }

    // A migration's incremental pass copies mail minutes after the old system received it, its Received chain with it.
    [Fact]
    public async Task Scan_MaliciousCopiedByAMigrationPassWithTheOldSystemsReceivedChain_RecordsNoEvidence()
    {
        var mime = Malware();
        mime.Headers.Insert(0, new Header("Received", "from mail.partner.example (mail.partner.example [192.0.2.10]) by mx.oldhost.example with ESMTPS; Tue, 12 Nov 2024 09:15:02 +0000"));
        var id = Deliver(mime, receivedAt: Now.AddMinutes(-20));

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
        Assert.Empty(await EvidenceAsync(_alice));
    }

    [Fact]
    public async Task Scan_MaliciousWithAForgedStamp_RecordsEvidenceAgainstTheMailbox()
    {
        // Stamped as arriving a day after the store says it did: the stamp was written, not earned.
        var id = Deliver(TransportStamps.Stamp(Malware(), TestMail.TenantId, Now.AddDays(1)), receivedAt: Now);

        await ScanAsync(id);

        Assert.Equal([new CompromiseEvidence(_alice, id, MalwareCampaign, Now)], await EvidenceAsync(_alice));
    }

    [Fact]
    public async Task Scan_MaliciousTransportedFromOutside_RecordsNoEvidence()
    {
        var id = Deliver(Transported(Malware()));

        await ScanAsync(id);

        Assert.Empty(await EvidenceAsync(_alice));
        Assert.Single(Seeds());
    }

    [Fact]
    public async Task Scan_MaliciousDraftInDrafts_IsTheUsersOwnCopyAndRecordsNoEvidence()
    {
        var id = Deliver(Malware(), WellKnownFolders.Drafts);

        var verdict = await ScanAsync(id);

        // The folder was looked up: a draft in Drafts is where a draft belongs.
        Assert.Equal($"{BypassRules},{MalwareRule}", string.Join(',', verdict!.RuleNames));
        Assert.DoesNotContain("DRAFT_OUTSIDE_DRAFTS", verdict.RuleNames);
        Assert.Empty(await EvidenceAsync(_alice));
        // The user's work: it leads to other copies and is never moved (a forward of a phish to the SOC, being written).
        Assert.True(Assert.Single(Seeds()).OwnCopy);
    }

    [Fact]
    public async Task Scan_MaliciousSentCopy_IsTheUsersOwnAndQueuedAsASentCopy()
    {
        var id = Deliver(Malware(), WellKnownFolders.SentItems);

        await ScanAsync(id);

        Assert.Empty(await EvidenceAsync(_alice));
        Assert.True(Assert.Single(Seeds()).OwnCopy);
        Assert.Equal([new CopyLocation(_alice, id, MalwareMessageId, true)], await _index.CopiesAsync(MalwareCampaign, CancellationToken.None));
    }

    // A shop's newsletter: suspicious as transport delivers it, malicious only with the points for bypassing transport.
    [Fact]
    public async Task Scan_AppendedCopyMaliciousOnlyThroughHowItArrived_QueuesACopyBoundSeedAndRecordsEvidence()
    {
        var id = Deliver(Newsletter());

        var verdict = await ScanAsync(id);

        Assert.Equal((VerdictBand.Malicious, true), (verdict?.Band, verdict?.CopyBound));
        var seed = Assert.Single(Seeds());
        Assert.Equal((true, verdict!.Score - ArrivalEvidence.WeightOf(verdict.Hits)), (seed.CopyBound, seed.ContentScore));
        Assert.True(seed.ContentScore < seed.Score, "the bypass rules' points are not the content's");
        Assert.Single(await EvidenceAsync(_alice));
    }

    [Fact]
    public async Task Scan_TransportedCopyOfTheSameMessage_IsSuspiciousAndQueuesNothing()
    {
        var verdict = await ScanAsync(Deliver(Transported(Newsletter())));

        Assert.Equal(VerdictBand.Suspicious, verdict?.Band);
        Assert.Empty(Seeds());
    }

    // No Sent Items copy passed inbound transport: one malicious only for that is never moved and leads to no other copy.
    [Fact]
    public async Task Scan_SentCopyMaliciousOnlyBecauseItNeverPassedTransport_QueuesNothingButKeepsItsVerdict()
    {
        var id = Deliver(Newsletter(), WellKnownFolders.SentItems);

        var verdict = await ScanAsync(id);

        Assert.Equal((VerdictBand.Malicious, true), (verdict?.Band, verdict?.CopyBound));
        Assert.Empty(Seeds());
        Assert.Equal(VerdictBand.Malicious, Saved(id).Band);
        Assert.Empty(await EvidenceAsync(_alice));
    }

    [Fact]
    public async Task Scan_TransportedMessageInSentItems_IsNoSentCopy()
    {
        var id = Deliver(Transported(Malware()), WellKnownFolders.SentItems);

        await ScanAsync(id);

        Assert.False(Assert.Single(Seeds()).OwnCopy);
    }

    [Fact]
    public async Task Scan_MaliciousInOutbox_IsTheUsersOwnCopyAndRecordsNoEvidence()
    {
        var id = Deliver(Malware(), WellKnownFolders.Outbox);

        await ScanAsync(id);

        Assert.Empty(await EvidenceAsync(_alice));
        Assert.True(Assert.Single(Seeds()).OwnCopy);
    }

    // A mail app that files its user's sent mail in a folder of its own appends it there, without transport.
    [Fact]
    public async Task Scan_MaliciousAppendedFromTheUsersOwnAddressIntoAFolderOfTheirs_RecordsNoEvidence()
    {
        var id = Deliver(FromAlice(Malware()), _mailboxes.AddFolder(_alice, "Sent Messages"));

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
        Assert.Empty(await EvidenceAsync(_alice));
    }

    // The appender writes the victim's own address into From: in the Inbox that is a disguise, not the user's mail.
    [Fact]
    public async Task Scan_MaliciousAppendedIntoTheInboxFromTheUsersOwnAddress_RecordsEvidenceAgainstTheMailbox()
    {
        var id = Deliver(FromAlice(Malware()));

        await ScanAsync(id);

        Assert.Single(await EvidenceAsync(_alice));
    }

    [Fact]
    public async Task Scan_AppendedCopyMaliciousOnlyThroughCampaignMemory_RecordsNoEvidence()
    {
        var mime = TestMail.Load("Links", "credential-lure.eml");
        var campaignId = Engine.FingerprintOf(mime).CampaignId;
        await AddCampaignAsync(campaignId, CampaignStatus.Approved, ThreatCategory.Phishing);
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.Equal((VerdictBand.Malicious, $"{BypassRules},CREDENTIAL_LURE,KNOWN_CAMPAIGN"), (verdict?.Band, string.Join(',', verdict!.RuleNames)));
        Assert.Empty(await EvidenceAsync(_alice));
        Assert.Equal(campaignId, Assert.Single(Seeds()).CampaignId);
    }

    [Fact]
    public async Task Scan_MaliciousSentInternallyByAColleague_RecordsEvidenceAgainstTheSender()
    {
        var id = SendInternally(Malware(), _bob, $"bob@{Domain}");

        var verdict = await ScanAsync(id);

        Assert.NotNull(verdict);
        Assert.Equal((VerdictBand.Malicious, true), (verdict.Band, verdict.Provenance.SentInternally));
        Assert.NotNull(verdict.CampaignKey);
        Assert.Equal([new CompromiseEvidence(_bob, id, verdict.CampaignKey, Now, EvidenceSource.SentInternally)], await EvidenceAsync(_bob));
        Assert.Empty(await EvidenceAsync(_alice));
    }

    [Fact]
    public async Task Scan_MaliciousSentInternallyFromAnAliasInAnyCase_RecordsEvidenceAgainstItsMailbox()
    {
        _mailboxes.AddAlias(_bob, $"robert@{Domain}");
        var id = SendInternally(Malware(), _bob, $"Robert@{Domain.ToUpperInvariant()}");

        await ScanAsync(id);

        Assert.Equal([id], (await EvidenceAsync(_bob)).Select(e => e.MessageId));
    }

    // Transport's stamps are the appender's to copy into mail placed over IMAP, and the From anyone's to write: the
    // account named is signed out only when its own Sent Items hold the message.
    [Fact]
    public async Task Scan_MaliciousWithInternalStampsNotInTheNamedSendersSentItems_RecordsNoEvidence()
    {
        var id = Deliver(Internal(Malware(), $"bob@{Domain}"));

        var verdict = await ScanAsync(id);

        Assert.Equal((VerdictBand.Malicious, true), (verdict?.Band, verdict?.Provenance.SentInternally));
        Assert.Empty(await EvidenceAsync(_bob));
        Assert.Single(Seeds());
    }

    // The Message-ID is copied from mail the named colleague really sent: the content is not that mail's.
    [Fact]
    public async Task Scan_MaliciousReusingTheMessageIdOfMailTheColleagueSent_RecordsNoEvidence()
    {
        var real = TestMail.Load("Provenance", "colleague-note.eml");
        real.MessageId = Malware().MessageId!;
        _mailboxes.AddMessage(_bob, real, WellKnownFolders.SentItems, Now.AddDays(-3));
        var id = Deliver(Internal(Malware(), $"bob@{Domain}"));

        await ScanAsync(id);

        Assert.Empty(await EvidenceAsync(_bob));
    }

    // Send on behalf: the From is the executive, the Sender the assistant whose account signed in and whose Sent Items
    // keep the copy.
    [Fact]
    public async Task Scan_MaliciousSentOnBehalf_RecordsEvidenceAgainstTheAccountThatSentIt()
    {
        var ceo = _mailboxes.AddMailbox($"ceo@{Domain}");
        var mime = Malware();
        mime.Sender = MailboxAddress.Parse($"bob@{Domain}");
        var id = SendInternally(mime, _bob, $"ceo@{Domain}");

        await ScanAsync(id);

        Assert.Equal([id], (await EvidenceAsync(_bob)).Select(e => e.MessageId));
        Assert.Empty(await EvidenceAsync(ceo));
    }

    // A user warning colleagues in a message of their own, quoting the lure, is no sign of a stolen account.
    [Theory]
    [InlineData("Phishing going around", "")]
    [InlineData("Heads-up", "This one is fake, please don't click the attachment.")]
    [InlineData("Achtung", "Bitte nicht klicken, das ist Betrug.")]
    public async Task Scan_MaliciousWarningSentInternally_RecordsNoEvidence(string subject, string warning)
    {
        var mime = Malware();
        mime.Subject = subject;
        if (warning.Length > 0)
        {
            var parts = (Multipart)mime.Body!;
            parts.RemoveAt(0);
            parts.Insert(0, new TextPart("plain") { Text = warning });
        }
        var id = SendInternally(mime, _bob, $"bob@{Domain}");

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
        Assert.Empty(await EvidenceAsync(_bob));
    }

    [Fact]
    public async Task Scan_MaliciousForwardedInternally_RecordsNoEvidence()
    {
        var mime = Malware();
        mime.Subject = "Fwd: Invoice";
        var id = Deliver(Internal(mime, $"bob@{Domain}"));

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
        Assert.Empty(await EvidenceAsync(_bob));
        Assert.Empty(await EvidenceAsync(_alice));
    }

    [Fact]
    public async Task Scan_MaliciousReplySentInternally_RecordsNoEvidence()
    {
        var mime = Malware();
        mime.InReplyTo = "original@mail.partner.example";
        var id = Deliver(Internal(mime, $"bob@{Domain}"));

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
        Assert.Empty(await EvidenceAsync(_bob));
    }

    [Fact]
    public async Task Scan_MaliciousSentInternallyToItsOwnSender_RecordsNoEvidence()
    {
        var id = Deliver(Internal(Malware(), $"alice@{Domain}"));

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
        Assert.Empty(await EvidenceAsync(_alice));
    }

    [Fact]
    public async Task Scan_MaliciousSentInternallyFromAGroupAddress_RecordsNoEvidence()
    {
        var group = _mailboxes.AddGroup($"finance@{Domain}");
        _mailboxes.AddMember(group, _bob);
        _mailboxes.AddMember(group, _mailboxes.AddMailbox($"carol@{Domain}"));
        var id = Deliver(Internal(Malware(), $"finance@{Domain}"));

        await ScanAsync(id);

        Assert.Empty(await EvidenceAsync(_bob));
        Assert.Empty(await EvidenceAsync(_alice));
    }

    [Fact]
    public async Task Scan_MaliciousSentInternallyFromTwoAddresses_IsQueuedAndRecordsNoEvidence()
    {
        var mime = Internal(Malware(), $"bob@{Domain}");
        mime.From.Add(MailboxAddress.Parse($"carol@{Domain}"));
        _mailboxes.AddMailbox($"carol@{Domain}");
        var id = Deliver(mime);

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
        Assert.Single(Seeds());
        Assert.Empty(await EvidenceAsync(_bob));
        Assert.True(await _verdicts.ContainsAsync(_alice, id, CancellationToken.None));
    }

    [Fact]
    public async Task Scan_CleanMailSentInternally_RecordsNoEvidence()
    {
        var id = Deliver(Internal(TestMail.Load("Provenance", "colleague-note.eml"), $"bob@{Domain}"));

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Clean, verdict?.Band);
        Assert.Empty(await EvidenceAsync(_bob));
    }

    [Fact]
    public async Task Scan_SuspiciousAppendedMail_RecordsNoEvidence()
    {
        var id = Deliver(TestMail.Load("Links", "credential-lure.eml"));

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Suspicious, verdict?.Band);
        Assert.Empty(await EvidenceAsync(_alice));
        Assert.Empty(Seeds());
    }

    // The verdict is recorded last

    [Fact]
    public async Task Scan_QueueFails_LeavesTheMessageToBeScannedAgain()
    {
        var id = Deliver(Transported(Malware()));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Scanner(queue: new RefusingQueue()).ScanAsync(Request(id), CancellationToken.None));

        Assert.False(await _verdicts.ContainsAsync(_alice, id, CancellationToken.None));
        var retried = await ScanAsync(id);
        Assert.Equal(VerdictBand.Malicious, retried?.Band);
        Assert.Single(Seeds());
        Assert.True(await _verdicts.ContainsAsync(_alice, id, CancellationToken.None));
    }

    [Fact]
    public async Task Scan_QueueFails_AnotherRequestForTheMessageScansIt()
    {
        var id = Deliver(Transported(Malware()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Scanner(queue: new RefusingQueue()).ScanAsync(Request(id), CancellationToken.None));

        var resync = await Scanner().ScanAsync(new ScanRequest(_alice, id, null, Now), CancellationToken.None);

        Assert.Equal(VerdictBand.Malicious, resync?.Band);
        Assert.Single(Seeds());
    }

    // Two requests for one message at once (a late notification and a resync): one scan

    [Fact]
    public async Task Scan_AnotherRequestArrivesMidScan_ComesBackLaterAndTheMessageIsScannedOnce()
    {
        var id = Deliver(Transported(Malware()));
        var resync = Request(id) with { SubscriptionId = null, NotifiedAt = Now };
        Verdict? during = null;
        var interleaving = new InterleavingQueue(_queue, async () => during = await Scanner().ScanAsync(resync, CancellationToken.None));

        var verdict = await Scanner(queue: interleaving).ScanAsync(Request(id), CancellationToken.None);
        var later = Assert.Single(Later());
        var whenBack = await Scanner().ScanAsync(later.Message, CancellationToken.None);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
        Assert.Null(during);
        Assert.Equal((resync, TimeSpan.FromSeconds(15)), later);
        Assert.Null(whenBack);
        Assert.Empty(Later());
        Assert.Single(Seeds());
        Assert.Single(Events(PipelineEvents.MessageScanned));
    }

    [Fact]
    public async Task Scan_MovedOutOfJunkWhileTheScanThatFoundItThereEnds_IsScannedWhenTheMoveComesBack()
    {
        var id = Deliver(Transported(Malware()), WellKnownFolders.JunkEmail);
        var move = Request(id) with { NotifiedAt = Now };
        Verdict? during = null;
        // The user moves the message out of Junk after the first request read it there, and before it let go of its claim.
        var interleaving = new ReleaseInterleavingStore(_verdicts, async () =>
        {
            await _mailboxes.MoveAsync(_alice, id, await FolderIdAsync(WellKnownFolders.Inbox), CancellationToken.None);
            during = await Scanner().ScanAsync(move, CancellationToken.None);
        });

        var first = await Scanner(verdicts: interleaving).ScanAsync(Request(id), CancellationToken.None);
        var later = Assert.Single(Later());
        var whenBack = await Scanner().ScanAsync(later.Message, CancellationToken.None);

        Assert.Null(first);
        Assert.Null(during);
        Assert.Equal(move, later.Message);
        Assert.Equal(VerdictBand.Malicious, whenBack?.Band);
        Assert.Single(Seeds());
    }

    [Fact]
    public async Task Scan_ClaimOfAScanThatDied_IsTakenOver()
    {
        var id = Deliver(Transported(Malware()));
        await _verdicts.TryClaimAsync(_alice, id, "a scan that died", Now.AddMinutes(-6), TimeSpan.FromMinutes(5), CancellationToken.None);

        var verdict = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, verdict?.Band);
    }

    [Fact]
    public async Task Scan_ClaimOfAScanUnderWay_IsLeftToItAndTheRequestComesBackLater()
    {
        var id = Deliver(Transported(Malware()));
        await _verdicts.TryClaimAsync(_alice, id, "a scan under way", Now.AddMinutes(-4), TimeSpan.FromMinutes(5), CancellationToken.None);

        var verdict = await ScanAsync(id);

        Assert.Null(verdict);
        await AssertNothingRecordedAsync();
        Assert.Equal([(Request(id), TimeSpan.FromSeconds(15))], Later());
    }

    [Fact]
    public async Task Scan_IndexFails_QueuesNothingAndLeavesTheMessageToBeScannedAgain()
    {
        var id = Deliver(Transported(Malware()));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Scanner(index: new RefusingIndex()).ScanAsync(Request(id), CancellationToken.None));

        Assert.Empty(Seeds());
        Assert.False(await _verdicts.ContainsAsync(_alice, id, CancellationToken.None));
    }

    [Fact]
    public async Task Scan_EvidenceCannotBeRecorded_QueuesNothingAndLeavesTheMessageToBeScannedAgain()
    {
        var id = Deliver(Malware());

        await Assert.ThrowsAsync<InvalidOperationException>(() => Scanner(ledger: new RefusingLedger()).ScanAsync(Request(id), CancellationToken.None));

        Assert.Empty(Seeds());
        Assert.False(await _verdicts.ContainsAsync(_alice, id, CancellationToken.None));
    }

    [Fact]
    public async Task Scan_Twice_ScansOnceAndQueuesOnce()
    {
        var id = Deliver(Transported(Malware()));

        var first = await ScanAsync(id);
        var second = await ScanAsync(id);

        Assert.Equal(VerdictBand.Malicious, first?.Band);
        Assert.Null(second);
        Assert.Single(Seeds());
        Assert.Single(Events(PipelineEvents.MessageScanned));
    }

    // Rejudging

    [Fact]
    public async Task Rejudge_Malicious_ReturnsTheJudgementAndRecordsNothing()
    {
        var id = Deliver(Malware());

        var judged = await RejudgeAsync(id);

        Assert.NotNull(judged);
        Assert.Equal(
            (VerdictBand.Malicious, MalwareCampaign, true, false, id),
            (judged.Verdict.Band, judged.CampaignId, judged.MaliciousAlone, judged.IsOwnCopy, judged.Message.MessageId));
        Assert.False(await _verdicts.ContainsAsync(_alice, id, CancellationToken.None));
        Assert.Empty(await EvidenceAsync(_alice));
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Rejudge_AlreadyScanned_IsJudgedAgain()
    {
        var id = Deliver(Transported(Malware()));
        await ScanAsync(id);

        var judged = await RejudgeAsync(id);

        Assert.Equal(VerdictBand.Malicious, judged?.Verdict.Band);
        Assert.Single(Seeds());
    }

    [Fact]
    public async Task Rejudge_HuntedSender_JudgesWithTheIndicator()
    {
        var id = Deliver(Transported(TestMail.Load("Provenance", "colleague-note.eml")));

        var judged = await RejudgeAsync(id, Indicator.Sender($"bob@{Domain}"));

        Assert.NotNull(judged);
        Assert.Equal((VerdictBand.Malicious, ThreatCategory.Phishing, "HUNTED_SENDER", true), (judged.Verdict.Band, judged.Verdict.Category, string.Join(',', judged.Verdict.RuleNames), judged.MaliciousAlone));
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Rejudge_WithoutAnIndicator_JudgesAsTheScanDoes()
    {
        var id = Deliver(Transported(TestMail.Load("Provenance", "colleague-note.eml")));

        var judged = await RejudgeAsync(id);

        Assert.Equal((VerdictBand.Clean, ""), (judged?.Verdict.Band, string.Join(',', judged!.Verdict.RuleNames)));
    }

    [Fact]
    public async Task Rejudge_CopyOfAnApprovedCampaign_IsJudgedWithItAndNotMaliciousAlone()
    {
        var mime = Transported(TestMail.Load("Provenance", "colleague-note.eml"));
        var campaignId = Engine.FingerprintOf(mime).CampaignId;
        await AddCampaignAsync(campaignId, CampaignStatus.Approved, ThreatCategory.Phishing);
        var id = Deliver(mime);

        var judged = await RejudgeAsync(id);

        Assert.Equal((VerdictBand.Malicious, campaignId, false), (judged?.Verdict.Band, judged?.CampaignId, judged?.MaliciousAlone));
    }

    [Fact]
    public async Task Rejudge_SentCopy_SaysSo()
    {
        var id = Deliver(Malware(), WellKnownFolders.SentItems);

        var judged = await RejudgeAsync(id);

        Assert.True(judged?.IsOwnCopy);
        Assert.Equal(MalwareCampaign, judged?.Seed(NotifiedAt).CampaignId);
        Assert.True(judged?.Seed(NotifiedAt).OwnCopy);
    }

    [Fact]
    public async Task Rejudge_MessageGone_ReturnsNull()
    {
        Assert.Null(await RejudgeAsync("message-that-is-not-there"));
    }

    [Fact]
    public async Task Rejudge_TeamsChatItem_ReturnsNull()
    {
        Assert.Null(await RejudgeAsync(_mailboxes.AddTeamsChat(_alice, $"bob@{Domain}", "lunch?")));
    }

    [Fact]
    public async Task Rejudge_MessageInJunk_ReturnsNull()
    {
        Assert.Null(await RejudgeAsync(Deliver(Malware(), WellKnownFolders.JunkEmail)));
    }

    private MessageScanner Scanner(IWorkQueue? queue = null, IMessageIndex? index = null, ICompromiseLedger? ledger = null, IVerdictStore? verdicts = null)
    {
        var detector = new AccountCompromiseDetector(
            ledger ?? _ledger, new InMemoryAccountGateway(), _queue, new CircuitBreaker(new InMemoryHourlyBudget(), _telemetry, _clock, NullLogger<CircuitBreaker>.Instance),
            _telemetry, Options.Create(new CompromiseOptions()), _clock, NullLogger<AccountCompromiseDetector>.Instance);
        return new MessageScanner(
            _mailboxes, Engine, queue ?? _queue, verdicts ?? _verdicts, _campaigns, index ?? _index, detector, new MessageAuthorship(_mailboxes), _telemetry,
            _clock, NullLogger<MessageScanner>.Instance);
    }

    private Task<Verdict?> ScanAsync(string messageId) => Scanner().ScanAsync(Request(messageId), CancellationToken.None);

    private Task<Judgement?> RejudgeAsync(string messageId, Indicator? hunted = null) => Scanner().RejudgeAsync(_alice, messageId, hunted, CancellationToken.None);

    private ScanRequest Request(string messageId) => new(_alice, messageId, "subscription-1", NotifiedAt);

    private static MimeMessage Malware() => TestMail.Load("Attachments", "zip-with-executable.eml");

    private static MimeMessage Transported(MimeMessage mime) => TransportStamps.Stamp(mime, TestMail.TenantId, Now);

    // What transport writes into a message a user of the tenant sent, signed in, from this address.
    private static MimeMessage Internal(MimeMessage mime, string from)
    {
        var copy = TransportStamps.Copy(mime);
        copy.From.Clear();
        copy.From.Add(MailboxAddress.Parse(from));
        return TransportStamps.Stamp(copy, TestMail.TenantId, Now, authenticatedDomain: Domain, authAs: "Internal");
    }

    // A colleague's account sends it: its Sent Items keep the copy, and Alice's Inbox receives it through transport.
    private string SendInternally(MimeMessage mime, string senderMailbox, string from)
    {
        var delivered = Internal(mime, from);
        var sent = TransportStamps.Copy(mime);
        sent.From.Clear();
        sent.From.Add(MailboxAddress.Parse(from));
        _mailboxes.AddMessage(senderMailbox, sent, WellKnownFolders.SentItems, Now);
        return Deliver(delivered);
    }

    private string Deliver(MimeMessage mime, string folder = WellKnownFolders.Inbox, DateTimeOffset? receivedAt = null) =>
        _mailboxes.AddMessage(_alice, mime, folder, receivedAt ?? Now);

    private Task<string> FolderIdAsync(string wellKnownName) => _mailboxes.GetFolderIdAsync(_alice, wellKnownName, CancellationToken.None);

    private Task AddCampaignAsync(string campaignId, CampaignStatus status, ThreatCategory category, bool copyBound = false, bool arrived = false) => _campaigns.GetOrAddAsync(
        new Campaign(campaignId, category, 18, ["CREDENTIAL_LURE"], Now.AddHours(-1), status,
            arrived
                ? new MaliciousMessage(campaignId, _bob, "bob-copy", "<earlier@login-verify.example>", category, 14,
                    ["CREDENTIAL_LURE", TransportBypassRule.Name, NoReceivedHopsRule.Name], Now.AddHours(-1))
                : new MaliciousMessage(campaignId, _bob, "bob-copy", "<earlier@login-verify.example>", category, 18, ["CREDENTIAL_LURE"], Now.AddHours(-1), CopyBound: copyBound)),
        CancellationToken.None);

    private static MimeMessage FromAlice(MimeMessage mime)
    {
        mime.From.Clear();
        mime.From.Add(new MailboxAddress("Alice", $"Alice@{Domain}"));
        return mime;
    }

    private static MimeMessage Newsletter() => TestMail.Load("Provenance", "shop-newsletter.eml");

    // A link whose text shows another host and a "this is not spam" line: 6 points, over the suspicious band alone.
    private static MimeMessage NewsletterWithoutShortener()
    {
        var newsletter = Newsletter();
        var html = (TextPart)newsletter.Body!;
        html.Text = html.Text.Replace("or watch the video: <a href=\"https://bit.ly/fabrikam-winter\">bit.ly/fabrikam-winter</a>", "", StringComparison.Ordinal);
        return newsletter;
    }

    private VerdictRecord Saved(string messageId) => _verdicts.Find(_alice, messageId) ?? throw new Xunit.Sdk.XunitException($"No verdict saved for {messageId}.");

    private IReadOnlyList<MaliciousMessage> Seeds() => _queue.Drain<MaliciousMessage>(WorkQueueNames.Campaigns);

    /// <summary>The scan requests queued to come back later.</summary>
    private IReadOnlyList<(ScanRequest Message, TimeSpan VisibleAfter)> Later() => _queue.DrainLater<ScanRequest>(WorkQueueNames.ScanRequests);

    private IReadOnlyList<IReadOnlyDictionary<string, string>> Events(string name) => _telemetry.Events(name);

    private Task<IReadOnlyList<CompromiseEvidence>> EvidenceAsync(string mailboxId) => _ledger.EvidenceAsync(mailboxId, CancellationToken.None);

    private Dictionary<string, string> Scanned(string messageId, string internetMessageId, string campaignId, string fingerprint, string band, string category, string score, string rules) => new()
    {
        [PipelineEventProperties.MailboxId] = _alice,
        [PipelineEventProperties.MessageId] = messageId,
        [PipelineEventProperties.InternetMessageId] = internetMessageId,
        [PipelineEventProperties.CampaignId] = campaignId,
        [PipelineEventProperties.Fingerprint] = fingerprint,
        [PipelineEventProperties.Band] = band,
        [PipelineEventProperties.Category] = category,
        [PipelineEventProperties.Score] = score,
        [PipelineEventProperties.Rules] = rules,
    };

    private async Task AssertNothingRecordedAsync()
    {
        Assert.Empty(Events(PipelineEvents.MessageScanned));
        Assert.Empty(Seeds());
        Assert.Empty((await _index.PageAsync(IndexKeys.AnyMessage, DateTimeOffset.MinValue, null, 10, CancellationToken.None)).Copies);
    }

    /// <summary>The queue, with another request's scan running just as the first one queues its seed.</summary>
    private sealed class InterleavingQueue(IWorkQueue inner, Func<Task> meanwhile) : IWorkQueue
    {
        public async Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken)
        {
            await meanwhile();
            await inner.EnqueueAsync(queueName, message, cancellationToken);
        }

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken) => inner.EnqueueAsync(queueName, message, visibleAfter, cancellationToken);

        public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) => inner.ApproximateCountAsync(queueName, cancellationToken);
    }

    /// <summary>The verdict store, with another request's scan running just as the first one lets go of its claim.</summary>
    private sealed class ReleaseInterleavingStore(IVerdictStore inner, Func<Task> meanwhile) : IVerdictStore
    {
        public Task<bool> ContainsAsync(string mailboxId, string messageId, CancellationToken cancellationToken) => inner.ContainsAsync(mailboxId, messageId, cancellationToken);

        public Task<ScanClaim> TryClaimAsync(string mailboxId, string messageId, string claimant, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken) =>
            inner.TryClaimAsync(mailboxId, messageId, claimant, now, staleAfter, cancellationToken);

        public async Task ReleaseAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
        {
            await meanwhile();
            await inner.ReleaseAsync(mailboxId, messageId, cancellationToken);
        }

        public Task SaveAsync(VerdictRecord verdict, CancellationToken cancellationToken) => inner.SaveAsync(verdict, cancellationToken);
    }

    /// <summary>A queue whose storage refuses every message.</summary>
    private sealed class RefusingQueue : IWorkQueue
    {
        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"The {queueName} queue refused the message.");

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"The {queueName} queue refused the message.");

        public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    /// <summary>An index whose storage refuses every write.</summary>
    private sealed class RefusingIndex : IMessageIndex
    {
        public Task RecordAsync(IndexedMessage message, CancellationToken cancellationToken) => throw new InvalidOperationException("The index refused the row.");

        public Task<IReadOnlyList<CopyLocation>> CopiesAsync(string campaignKey, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CopyLocation>>([]);

        public Task<IndexPage> PageAsync(string partitionKey, DateTimeOffset since, string? continuation, int pageSize, CancellationToken cancellationToken) =>
            Task.FromResult(new IndexPage([], null));
    }

    /// <summary>A compromise ledger whose storage refuses every write.</summary>
    private sealed class RefusingLedger : ICompromiseLedger
    {
        public Task AddAsync(CompromiseEvidence evidence, CancellationToken cancellationToken) => throw new InvalidOperationException("The ledger refused the evidence.");

        public Task<IReadOnlyList<CompromiseEvidence>> EvidenceAsync(string mailboxId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CompromiseEvidence>>([]);

        public Task<IReadOnlyList<string>> WaveAsync(string campaignId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

        public Task<bool> IsWaveAssessedAsync(string campaignId, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task MarkWaveAssessedAsync(string campaignId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> HasOpenIncidentAsync(string mailboxId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> TryOpenIncidentAsync(string mailboxId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task RecordResponseAsync(string mailboxId, string response, IReadOnlyList<CompromiseEvidence> evidence, DateTimeOffset at, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task RecordRevocationAsync(string mailboxId, DateTimeOffset incidentOpenedAt, DateTimeOffset revokedAt, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
