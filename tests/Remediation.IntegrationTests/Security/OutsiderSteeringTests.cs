using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Audit;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Security;

/// <summary>
/// Each test is an attack that steered the pipeline against the wrong mailboxes, run through the whole local pipeline:
/// the cheapest message an outsider (or ordinary mailbox life) needs, and what must not happen.
/// </summary>
public sealed class OutsiderSteeringTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private const string Soc = "soc";
    private const int CampaignCap = 6;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // What transport writes of mail sent in a domain's name from a server that domain does not send from.
    private static readonly TransportEnvelope Spoofed = new() { Spf = "fail", Dmarc = "fail", CompAuth = "fail" };
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, 12).Select(i => (User(i), $"User {i}")), (Soc, "Security team")],
        Settings = new Dictionary<string, string?>
        {
            ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain,
            ["Detection:BlockedSenderDomains:0"] = AttackMail.BlockedSenderDomain,
            ["Detection:AllowedSenders:0"] = AttackMail.AllowedPartnerDomain,
            ["Compromise:Response"] = "RevokeSessions",
            ["Remediation:MaxMailboxesPerCampaign"] = CampaignCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The score floor has a test of its own; here every malicious verdict acts, as on a tenant that lowered it.
            ["Remediation:MinimumScoreToAct"] = "10",
            ["Remediation:ReportMailboxes:0"] = $"{Soc}@{Domain}",
        },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private SimulatedTenant Tenant => _tenant.Simulator.Tenant;

    [Fact]
    public async Task HeaderPadding_TransportedPhishPushesTheStampsPastTheBudget_NobodyIsFlaggedOrSignedOut()
    {
        var copies = Tenant.DeliverThroughTransport(AttackMail.PaddedPhish(Domain, User(0), User(1)));

        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), "the phish itself is still remediated", Patience);
        await SettledAsync();
        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
        Assert.Empty(Tenant.RevokedSignInSessions);
        Assert.All(Verdicts(copies), verdict => Assert.DoesNotContain("TRANSPORT_BYPASS", verdict[PipelineEventProperties.Rules], StringComparison.Ordinal));
    }

    // Anyone can write an allowlisted partner's address into From; transport's check of the partner's domain fails.
    [Fact]
    public async Task AllowedSender_PhishInThePartnersNameThatTransportFoundSpoofed_IsRemediated()
    {
        var partner = new MailboxAddress("Partner Billing", $"billing@{AttackMail.AllowedPartnerDomain}");

        var copies = Tenant.DeliverThroughTransport(AttackMail.CredentialPhishAs(partner, Domain, User(0), User(1)), Spoofed);

        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), "every copy of the spoofed phish leaves the Inbox", Patience);
        var verdicts = Verdicts(copies);
        Assert.NotEmpty(verdicts);
        Assert.All(verdicts, verdict =>
        {
            Assert.Contains("SPOOFED_SENDER", verdict[PipelineEventProperties.Rules], StringComparison.Ordinal);
            Assert.DoesNotContain("ALLOWLISTED", verdict[PipelineEventProperties.Rules], StringComparison.Ordinal);
        });
    }

    // An allowlisted partner's mail whose words score malicious is clean only because transport proved the partner sent
    // it. An outsider copies it under its Message-ID and another subject into one mailbox, naming the real recipients:
    // the store shows the real copies without the stamps that prove the partner, so their MIME decides, and the
    // allowlist keeps them where they are.
    [Fact]
    public async Task ChosenMessageId_AllowlistedPartnersMailCopiedUnderAnotherSubject_TheRealCopiesStay()
    {
        const string messageId = "<portal-7781@partner.example>";
        var partner = new MailboxAddress("Partner Supplier Portal", $"portal@{AttackMail.AllowedPartnerDomain}");
        var real = Tenant.DeliverThroughTransport(AttackMail.CredentialPhishAsUnder(partner, messageId, "Action needed: confirm your portal account", Domain, User(1), User(2), User(3)));
        await Eventually.AssertAsync(() => Verdicts(real).Count == real.Count, () => $"{Verdicts(real).Count} of {real.Count} real copies judged", Patience);

        var copy = Tenant.AppendAsImap($"{User(0)}@{Domain}",
            AttackMail.CredentialPhishAsUnder(partner, messageId, "Portal account", Domain, User(0), User(1), User(2), User(3)));
        await Eventually.AssertAsync(() => _tenant.FolderOf(copy) != "inbox", "the copy is remediated", Patience);
        await SettledAsync();

        Assert.All(Verdicts(real), verdict => Assert.Contains("ALLOWLISTED", verdict[PipelineEventProperties.Rules], StringComparison.Ordinal));
        Assert.True(_tenant.AllIn(real, "inbox"), "the partner's real copies stayed: " + string.Join(",", real.Select(_tenant.FolderOf)));
    }

    // The appender writes the victim's own address into From, as mail a user's own client files would carry: in the
    // Inbox it is a disguise, and the stolen account is still flagged and signed out.
    [Fact]
    public async Task Appender_LuresInTheVictimsOwnName_TheAccountIsFlaggedAndSignedOut()
    {
        var victim = User(5);
        var lures = Enumerable.Range(0, 2).Select(i => Tenant.AppendAsImap(Mailbox(victim),
            AttackMail.CredentialPhishAsUnder(new MailboxAddress($"IT Helpdesk {Domain}", $"{victim}@{Domain}"), $"<lure-{i}@mail.example>", "Your mailbox is almost full", Domain, victim)))
            .ToList();

        await Eventually.AssertAsync(() => _tenant.NoneIn(lures, "inbox"), "the lures are remediated", Patience);
        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.MailboxCompromised).Count == 1, "the victim's mailbox is flagged", Patience);
        Assert.Single(Tenant.RevokedSignInSessions);
    }

    // The quarantine's name is public: an appender's IMAP client makes a folder of that name where the user sees it,
    // so that the pipeline hands it the lures it planted. They go to a hidden folder beside it, the namesake's own
    // lure among them.
    [Fact]
    public async Task Appender_MakesAFolderNamedLikeTheQuarantine_TheLuresGoToAHiddenFolderBesideIt()
    {
        var victim = User(6);
        var namesake = Tenant.FindMailbox(Mailbox(victim))!.AddFolder("Quarantine (security)");
        var lures = new[]
        {
            Tenant.AppendAsImap(Mailbox(victim), SampleMail.AppendedLure(Domain, victim)),
            Tenant.AppendAsImap(Mailbox(victim), SampleMail.AppendedLure(Domain, victim), "Quarantine (security)"),
        };

        string FolderOf(DeliveredMessage lure) => Tenant.FindMessage(lure.MailboxId, lure.ImmutableId)!.FolderId;
        await Eventually.AssertAsync(() => lures.All(l => FolderOf(l) != namesake && _tenant.FolderOf(l) == "(custom)"), "the lures are quarantined", Patience);
        var quarantine = Assert.Single(lures.Select(FolderOf).Distinct());
        Assert.True((await _tenant.Graph.Users[lures[0].MailboxId].MailFolders[quarantine].GetAsync())?.IsHidden);
    }

    // Direct send: anyone can submit mail into the tenant in a colleague's name. Transport finds the domain spoofed and
    // the sender anonymous, so the phish is remediated and the colleague, who sent nothing, is neither flagged nor signed out.
    [Fact]
    public async Task DirectSend_PhishesInAColleaguesName_AreRemediatedAndTheColleagueIsNotSignedOut()
    {
        var colleague = new MailboxAddress("User 5", $"{User(5)}@{Domain}");

        var copies = Enumerable.Range(6, 3).SelectMany(i => Tenant.DeliverThroughTransport(AttackMail.CredentialPhishAs(colleague, Domain, User(i)), Spoofed)).ToList();

        await Eventually.AssertAsync(() => _tenant.NoneIn(copies, "inbox"), "every copy of the spoofed phish leaves the Inbox", Patience);
        await SettledAsync();
        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
        Assert.Empty(Tenant.RevokedSignInSessions);
    }

    [Fact]
    public async Task ForwardToSoc_UserForwardsThePhishFromDraftsAndSentItems_IsNotFlaggedAndTheReportStays()
    {
        var lure = Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, User(0)));
        await Eventually.AssertAsync(() => _tenant.NoneIn(lure, "inbox"), "every copy of the lure leaves the Inbox", Patience);

        var draft = Tenant.SaveDraft(Mailbox(User(0)), SampleMail.ForwardToSoc(Domain, User(0), Soc));
        await Eventually.AssertAsync(() => Verdicts([draft]).Count == 1, "the draft is scanned while it is composed", Patience);
        await SettledAsync();
        Assert.Equal("drafts", _tenant.FolderOf(draft));
        var (sent, delivered) = Tenant.SendDraft(Mailbox(User(0)), draft.ImmutableId);
        await Eventually.AssertAsync(() => Verdicts([sent, .. delivered]).Count == 2, "the sent copy and the SOC's copy are scanned", Patience);
        await SettledAsync();

        // The SOC's copy holds the lure too, and stays for the SOC to read.
        Assert.Equal(("Malicious", "inbox"), (Verdicts(delivered)[0][PipelineEventProperties.Band], _tenant.FolderOf(Assert.Single(delivered))));
        Assert.Equal("Malicious", Verdicts([draft])[0][PipelineEventProperties.Band]);
        Assert.DoesNotContain("DRAFT_OUTSIDE_DRAFTS", Verdicts([draft])[0][PipelineEventProperties.Rules], StringComparison.Ordinal);
        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
        Assert.Empty(Tenant.RevokedSignInSessions);
    }

    [Fact]
    public async Task SentItems_MaliciousMailSavedThereUnderAnotherSender_IsNotCompromiseEvidence()
    {
        // A delegate sending on behalf of a shared mailbox, or a client saving its sent copy over IMAP: Sent Items
        // holds mail the user sent, whatever its From says. Two such copies would have flagged the user.
        var saved = Enumerable.Range(0, 2)
            .Select(_ => Tenant.AppendAsImap($"{User(0)}@{Domain}", SampleMail.CredentialPhish(Domain, User(1)), "sentitems")).ToList();

        await Eventually.AssertAsync(() => Verdicts(saved).Count == saved.Count, () => $"{Verdicts(saved).Count} of {saved.Count} copies judged", Patience);
        await SettledAsync();

        Assert.All(Verdicts(saved), verdict => Assert.Equal("Malicious", verdict[PipelineEventProperties.Band]));
        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
    }

    [Fact]
    public async Task FingerprintCollision_MaliciousDigitsOnlyMessage_LeavesEveryEmptyBodiedMessageAlone()
    {
        var before = Tenant.DeliverThroughTransport(AttackMail.MeetingAccepted(Domain, User(1), User(2), User(3)));
        await Eventually.AssertAsync(() => Verdicts(before).Count == before.Count, () => $"{Verdicts(before).Count} of {before.Count} copies judged", Patience);

        var attack = Tenant.DeliverThroughTransport(AttackMail.DigitsOnly(Domain, User(0)));
        await Eventually.AssertAsync(() => _tenant.NoneIn(attack, "inbox"), "the malicious message itself is remediated", Patience);
        var after = Tenant.DeliverThroughTransport(AttackMail.MeetingAccepted(Domain, User(4), User(5), User(6)));
        await Eventually.AssertAsync(() => Verdicts(after).Count == after.Count, () => $"{Verdicts(after).Count} of {after.Count} copies judged", Patience);
        await SettledAsync();

        Assert.True(_tenant.AllIn([.. before, .. after], "inbox"), "no meeting reply was swept or marked by campaign memory: " + string.Join(",", before.Concat(after).Select(_tenant.FolderOf)) + string.Join(" / ", Verdicts([.. before, .. after]).Select(v => v[PipelineEventProperties.Band] + ":" + v[PipelineEventProperties.Rules])));
        Assert.All(Verdicts(after), verdict => Assert.Equal("Clean", verdict[PipelineEventProperties.Band]));
    }

    [Fact]
    public async Task ChosenMessageId_PhishReusesARealThreadsMessageId_TheThreadStaysWhereItWas()
    {
        const string threadId = "<q3-planning-0001@contoso.example>";
        var thread = Tenant.DeliverThroughTransport(AttackMail.ThreadMessage(Domain, threadId, User(1), User(2)));
        await Eventually.AssertAsync(() => Verdicts(thread).Count == thread.Count, () => $"{Verdicts(thread).Count} of {thread.Count} copies judged", Patience);

        // Placed into one mailbox only, but naming the thread's recipients in its own To header.
        var phish = Tenant.AppendAsImap($"{User(0)}@{Domain}", AttackMail.PhishWithMessageId(Domain, threadId, User(0), User(1), User(2)));
        await Eventually.AssertAsync(() => _tenant.FolderOf(phish) != "inbox", "the phish is remediated", Patience);
        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.CopyMismatch).Count >= thread.Count, "each mismatch is alerted", Patience);
        await SettledAsync();

        Assert.True(_tenant.AllIn(thread, "inbox"), "the real thread was not touched");
        Assert.Equal(thread.Count, _telemetry.Events(PipelineEvents.CopyMismatch).Count);
        var campaignId = _telemetry.Events(PipelineEvents.CopyMismatch)[0][PipelineEventProperties.CampaignId];
        var mismatches = (await _tenant.AuditAsync(campaignId)).Where(r => r.Outcome == AuditOutcome.ContentMismatch).ToList();
        Assert.Equal(thread.Select(c => c.MailboxId).Order(), mismatches.Select(r => r.MailboxId).Order());
    }

    // The sender chooses the Message-ID and can copy a real message word for word: the partner's announcement under
    // its own Message-ID, made malicious by its headers alone (a brand's name over the partner's spoofed address),
    // must not take the real announcement out of its recipients' inboxes.
    [Fact]
    public async Task ChosenMessageId_RealMessageCopiedUnderAMaliciousSender_TheRealCopiesStay()
    {
        const string messageId = "<summit-7731@fabrikam.example>";
        var real = Tenant.DeliverThroughTransport(AttackMail.Announcement(
            new MailboxAddress("Fabrikam Partner Team", "partners@fabrikam.example"), messageId, Domain, User(1), User(2), User(3)));
        await Eventually.AssertAsync(() => Verdicts(real).Count == real.Count, () => $"{Verdicts(real).Count} of {real.Count} real copies judged", Patience);

        var copy = Tenant.DeliverThroughTransport(AttackMail.Announcement(
            new MailboxAddress("Microsoft account team", "partners@fabrikam.example"), messageId, Domain, User(0), User(1), User(2), User(3)), Spoofed);
        await Eventually.AssertAsync(() => _tenant.NoneIn(copy, "inbox"), "every copy under the malicious sender leaves the Inbox", Patience);
        await SettledAsync();

        Assert.All(Verdicts(real), verdict => Assert.Equal("Clean", verdict[PipelineEventProperties.Band]));
        Assert.True(_tenant.AllIn(real, "inbox"), "the real announcement stayed: " + string.Join(",", real.Select(_tenant.FolderOf)));
    }

    // Holding one mailbox, an attacker appends an exact copy of a newsletter its colleagues received. Only the missing
    // transport makes the appended copy malicious: that is a finding about the copy, and must not move the real ones.
    [Fact]
    public async Task AppendedExactCopy_OfANewsletterColleaguesReceived_OnlyTheAppendedCopyIsRemediated()
    {
        const string messageId = "<winter-catalogue-0042@fabrikam.example>";
        var newsletter = AttackMail.Newsletter("Fabrikam Store <news@fabrikam.example>", messageId, Domain, User(0), User(1), User(2), User(3));
        var real = Tenant.DeliverThroughTransport(newsletter);
        await Eventually.AssertAsync(() => Verdicts(real).Count == real.Count, () => $"{Verdicts(real).Count} of {real.Count} real copies judged", Patience);

        var appended = Tenant.AppendAsImap($"{User(0)}@{Domain}", newsletter);
        await Eventually.AssertAsync(() => _tenant.FolderOf(appended) != "inbox", "the appended copy is remediated", Patience);
        await SettledAsync();

        Assert.All(Verdicts(real), verdict => Assert.Equal("Suspicious", verdict[PipelineEventProperties.Band]));
        Assert.True(_tenant.AllIn(real, "inbox"), "the real newsletter stayed: " + string.Join(",", real.Select(_tenant.FolderOf)));
    }

    // Ordinary mailbox life: a user sends a newsletter to colleagues. The Sent Items copy never passed inbound
    // transport, which alone makes it malicious; the colleagues' copies are the same suspicious newsletter as before.
    [Fact]
    public async Task SentNewsletter_TheSentCopyBypassedTransport_TheColleaguesCopiesStayAndNothingIsHeld()
    {
        var (sent, delivered) = Tenant.SendMail(Mailbox(User(1)),
            AttackMail.Newsletter($"{User(1)}@{Domain}", "<winter-catalogue-0043@contoso.example>", Domain, User(2), User(3), User(4)));
        await Eventually.AssertAsync(() => Verdicts([sent, .. delivered]).Count == 1 + delivered.Count, "every copy judged", Patience);
        await SettledAsync();

        Assert.Equal("Malicious", Assert.Single(Verdicts([sent]))[PipelineEventProperties.Band]);
        Assert.True(_tenant.AllIn(delivered, "inbox"), "the colleagues' copies stayed: " + string.Join(",", delivered.Select(_tenant.FolderOf)));
        Assert.Equal("sentitems", _tenant.FolderOf(sent));
        Assert.Empty(_telemetry.Events(PipelineEvents.CampaignHeld));
        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
    }

    // Ordinary tenant life: an administrator migrates a mailbox over IMAP, and its history holds two old phish. The
    // migration keeps each message's original date, which the Email Appender, wanting its mail seen, never does.
    [Fact]
    public async Task Migration_OldPhishAppendedWithTheirOriginalDates_AreRemediatedAndNobodyIsSignedOut()
    {
        var history = new[] { DateTimeOffset.UtcNow.AddDays(-200), DateTimeOffset.UtcNow.AddDays(-90) }
            .Select(receivedAt => Tenant.AppendAsImap($"{User(5)}@{Domain}", SampleMail.CredentialPhish(Domain, User(5)), receivedAt: receivedAt))
            .ToList();

        await Eventually.AssertAsync(() => _tenant.NoneIn(history, "inbox"), "the old phish are remediated", Patience);
        await SettledAsync();

        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
        Assert.Empty(Tenant.RevokedSignInSessions);
    }

    // A cutover migration brings last week's mail too: a phish two users received two days ago is remediated in both,
    // and neither is flagged, though the same campaign reached two mailboxes without this tenant's transport.
    [Fact]
    public async Task Migration_PhishReceivedDaysAgoInTwoMailboxes_IsRemediatedAndNobodyIsFlagged()
    {
        var receivedAt = DateTimeOffset.UtcNow.AddDays(-2);
        var migrated = new[] { User(6), User(7) }
            .Select(user => Tenant.AppendAsImap($"{user}@{Domain}", SampleMail.CredentialPhish(Domain, User(6), User(7)), receivedAt: receivedAt))
            .ToList();

        await Eventually.AssertAsync(() => _tenant.NoneIn(migrated, "inbox"), "the migrated phish are remediated", Patience);
        await SettledAsync();

        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
        Assert.Empty(Tenant.RevokedSignInSessions);
    }

    [Fact]
    public async Task CampaignGrowsPastTheCap_WaveToOneMailboxThenTheRealMailing_IsHeldBeforeTheMailingMoves()
    {
        var wave = Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, User(0)));
        await Eventually.AssertAsync(() => _tenant.NoneIn(wave, "inbox"), "every copy of the wave leaves the Inbox", Patience);

        var mailing = Tenant.DeliverThroughTransport(SampleMail.CredentialPhish(Domain, [.. Enumerable.Range(1, 10).Select(User)]));
        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.CampaignHeld).Count > 0, "the campaign is held", Patience);
        await Eventually.AssertAsync(() => Verdicts(mailing).Count == mailing.Count, () => $"{Verdicts(mailing).Count} of {mailing.Count} copies judged", Patience);
        await SettledAsync();

        var moved = mailing.Count(copy => _tenant.FolderOf(copy) != "inbox");
        Assert.True(1 + moved <= CampaignCap, $"{1 + moved} mailboxes remediated without approval, cap {CampaignCap}");
        Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld), held => held[PipelineEventProperties.Reason].Contains("now reaches", StringComparison.Ordinal));
    }

    // The cheapest way to keep a phish in place was one header: name a list larger than the cap, and the search of its
    // members held the whole campaign for the SOC. Recipients are the sender's words: the copy is quarantined, and only
    // the search of the list waits for approval.
    [Fact]
    public async Task Appender_LureNamingAListLargerThanTheCap_IsQuarantinedAndOnlyTheSearchWaits()
    {
        var everyone = Tenant.AddGroup($"everyone@{Domain}", "Everyone");
        foreach (var user in Tenant.Mailboxes) Tenant.AddMember(everyone, user);
        var victim = User(4);

        var lure = Tenant.AppendAsImap(Mailbox(victim), SampleMail.CredentialPhish(Domain, victim, "everyone"));

        await Eventually.AssertAsync(() => _tenant.NoneIn([lure], "inbox"), "the appended lure is quarantined", Patience);
        await Eventually.AssertAsync(() => _telemetry.Events(PipelineEvents.CampaignHeld).Count > 0, "the SOC is told of the search that waits", Patience);
        await SettledAsync();
        var held = Assert.Single(_telemetry.Events(PipelineEvents.CampaignHeld));
        Assert.Contains("the search waits", held[PipelineEventProperties.Reason], StringComparison.Ordinal);
    }

    // No address is longer than 254 characters, but a From header may hold one of 40,000: filed in the index as it was,
    // it made a value larger than Table storage takes, which failed the scan before the copy was remediated, on every
    // retry, until the message sat in the poison queue with the lure still in the Inbox.
    [Fact]
    public async Task OversizedSender_LureFromAnAddressOf40000Characters_IsQuarantined()
    {
        var victim = User(7);
        var sender = new MailboxAddress("IT Helpdesk", new string('a', 40_000) + "@mailbox-helpdesk.example");

        var lure = Tenant.AppendAsImap(Mailbox(victim), AttackMail.CredentialPhishAsUnder(sender, "<lure-long@mail.example>", "Your mailbox is almost full", Domain, victim));

        await Eventually.AssertAsync(() => _tenant.NoneIn([lure], "inbox"), "the lure is quarantined", Patience);
    }

    // A transported lure to one user that names colleagues beyond the cap in Cc (the envelope reaches one mailbox), and
    // one that names a tenant address of 40,000 characters, which the directory refuses to look up: both are quarantined.
    [Fact]
    public async Task TransportedLure_NamingRecipientsBeyondTheCapOrAnAddressNoMailboxHas_IsQuarantined()
    {
        var colleagues = string.Join(", ", Enumerable.Range(1, CampaignCap + 2).Select(i => $"{User(i)}@{Domain}"));
        var padded = new string('a', 40_000) + "@" + Domain;
        var lures = new[] { (Cc: colleagues, Subject: "Mailbox quota exceeded"), (Cc: padded, Subject: "Mailbox storage full") }
            .SelectMany(lure => Tenant.DeliverThroughTransportTo([$"{User(0)}@{Domain}"],
                $"From: IT Helpdesk <helpdesk@{SampleMail.PhishingDomain}>\r\nTo: {User(0)}@{Domain}\r\nCc: {lure.Cc}\r\nSubject: {lure.Subject}\r\n" +
                $"Message-ID: <{Guid.NewGuid():N}@{SampleMail.PhishingDomain}>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
                $"Your mailbox is full. Verify your account at https://{SampleMail.PhishingDomain}/reset today.\r\n"))
            .ToList();

        Assert.Equal(2, lures.Count);

        await Eventually.AssertAsync(() => _tenant.NoneIn(lures, "inbox"), "both lures are quarantined", Patience);
    }

    // Every stage has drained: what did not happen by now will not happen.
    private async Task SettledAsync() =>
        await Eventually.AssertAsync(_tenant.WorkQueuesEmpty, "the pipeline settles", Patience);

    private List<IReadOnlyDictionary<string, string>> Verdicts(IEnumerable<DeliveredMessage> copies)
    {
        var ids = copies.SelectMany(c => new[] { c.ImmutableId, c.MessageId }).ToHashSet(StringComparer.Ordinal);
        return [.. _telemetry.Events(PipelineEvents.MessageScanned).Where(e => ids.Contains(e[PipelineEventProperties.MessageId]))];
    }

    private string Mailbox(string user) => Tenant.FindMailbox($"{user}@{Domain}")!.Id;

    private static string User(int i) => $"user{i:D2}";
}
