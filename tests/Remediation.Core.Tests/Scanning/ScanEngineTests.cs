using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning;

public class ScanEngineTests
{
    private static readonly DateTimeOffset Arrival = new(2024, 11, 12, 9, 15, 30, TimeSpan.Zero);

    private static readonly DetectionOptions Lists = new()
    {
        BlockedSenderDomains = ["bad-sender.example"],
        BlockedUrlDomains = ["phish.example"],
    };

    private readonly ScanEngine _sut = new(
        [new BlockedSenderDomainRule(Options.Create(Lists)), new BlockedUrlDomainRule(Options.Create(Lists))],
        Options.Create(Lists),
        Options.Create(new TenantOptions { TenantId = TestMail.TenantId }));

    [Fact]
    public void Scan_SenderInBlockedDomain_IsMaliciousPhishingWithReason()
    {
        var verdict = _sut.Scan(new ScanInput(Message(from: "billing@mail.bad-sender.example", body: "Hello")));

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.Equal(ThreatCategory.Phishing, verdict.Category);
        var hit = Assert.Single(verdict.Hits);
        Assert.Equal(BlockedSenderDomainRule.Name, hit.Rule);
        Assert.Contains("bad-sender.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_LinkToBlockedUrlDomainInHtml_IsMalicious()
    {
        var verdict = _sut.Scan(new ScanInput(Message(from: "it@partner.example", html: "<a href=\"https://login.phish.example/reset?u=1\">Reset</a>")));

        Assert.True(verdict.IsMalicious);
        Assert.Equal([BlockedUrlDomainRule.Name], verdict.RuleNames);
    }

    [Fact]
    public void Scan_DomainThatOnlyEndsLikeBlockedOne_IsClean()
    {
        var verdict = _sut.Scan(new ScanInput(Message(from: "news@notbad-sender.example", body: "See https://nophish.example/page")));

        Assert.Equal(VerdictBand.Clean, verdict.Band);
        Assert.Equal(ThreatCategory.Clean, verdict.Category);
        Assert.Empty(verdict.Hits);
    }

    [Fact]
    public void Scan_BelowMaliciousButAboveSuspicious_IsSuspicious()
    {
        var options = Options.Create(new DetectionOptions { MaliciousThreshold = 20, SuspiciousThreshold = 5, BlockedUrlDomains = ["phish.example"] });
        var sut = new ScanEngine([new BlockedUrlDomainRule(options)], options, Options.Create(new TenantOptions()));

        var verdict = sut.Scan(new ScanInput(Message(from: "a@b.example", body: "https://phish.example/x")));

        Assert.Equal(VerdictBand.Suspicious, verdict.Band);
    }

    [Fact]
    public void Scan_MalwareAndHeavierSpamEvidence_NamesMalware()
    {
        var sut = new ScanEngine([new FixedRule(ThreatCategory.Spam, 9), new FixedRule(ThreatCategory.Malware, 6)], Options.Create(new DetectionOptions()), Options.Create(new TenantOptions()));

        var verdict = sut.Scan(new ScanInput(Message(from: "a@b.example", body: "x")));

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.Equal(ThreatCategory.Malware, verdict.Category);
    }

    [Theory]
    [InlineData(BrandImpersonationRule.Name, 2)]
    [InlineData(CredentialLureRule.Name, 4)]
    [InlineData(PaymentLureRule.Name, 2.5)]
    [InlineData(CryptoLureRule.Name, 3)]
    public void Scan_DeceptionUnderHeavierSpamEvidence_NamesPhishing(string rule, double weight)
    {
        var sut = new ScanEngine([new FixedRule(ThreatCategory.Spam, 12), new NamedRule(rule, ThreatCategory.Phishing, weight)], Options.Create(new DetectionOptions()), Options.Create(new TenantOptions()));

        var verdict = sut.Scan(new ScanInput(Message(from: "a@b.example", body: "x")));

        Assert.Equal(ThreatCategory.Phishing, verdict.Category);
    }

    [Fact]
    public void Scan_SharedPhishingHintUnderHeavierSpamEvidence_StaysSpam()
    {
        // A bare IP link is as common in 2002 spam as in phishing: it names the threat only by outweighing the rest.
        var sut = new ScanEngine([new FixedRule(ThreatCategory.Spam, 12), new NamedRule(IpAddressLinkRule.Name, ThreatCategory.Phishing, 3)], Options.Create(new DetectionOptions()), Options.Create(new TenantOptions()));

        var verdict = sut.Scan(new ScanInput(Message(from: "a@b.example", body: "x")));

        Assert.Equal(ThreatCategory.Spam, verdict.Category);
    }

    [Fact]
    public void Scan_MalwareBesideABrandClaim_NamesMalware()
    {
        var sut = new ScanEngine([new FixedRule(ThreatCategory.Malware, 6), new NamedRule(BrandImpersonationRule.Name, ThreatCategory.Phishing, 5)], Options.Create(new DetectionOptions()), Options.Create(new TenantOptions()));

        var verdict = sut.Scan(new ScanInput(Message(from: "a@b.example", body: "x")));

        Assert.Equal(ThreatCategory.Malware, verdict.Category);
    }

    [Fact]
    public void Scan_BrandClaimBelowTheSuspiciousBand_StaysClean()
    {
        var sut = new ScanEngine([new NamedRule(BrandImpersonationRule.Name, ThreatCategory.Phishing, 2)], Options.Create(new DetectionOptions()), Options.Create(new TenantOptions()));

        var verdict = sut.Scan(new ScanInput(Message(from: "a@b.example", body: "x")));

        Assert.Equal(ThreatCategory.Clean, verdict.Category);
    }

    [Fact]
    public void Scan_KnownCampaign_IsMaliciousWithTheCampaignsCategory()
    {
        var verdict = TestMail.Engine().Scan(new ScanInput(TestMail.Load("Provenance", "colleague-note.eml")) { KnownCampaign = new KnownCampaign("c-7", ThreatCategory.Phishing) });

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.Equal(ThreatCategory.Phishing, verdict.Category);
    }

    [Fact]
    public void Scan_FingerprintOnAllowlist_IsCleanWithTheRulesStillListed()
    {
        var message = Message(from: "billing@bad-sender.example", body: "Invoice attached");
        var fingerprint = _sut.Scan(new ScanInput(message)).Fingerprint.Id;
        var options = new DetectionOptions { BlockedSenderDomains = ["bad-sender.example"], AllowedFingerprints = [fingerprint] };
        var sut = new ScanEngine([new BlockedSenderDomainRule(Options.Create(options))], Options.Create(options), Options.Create(new TenantOptions()));

        var verdict = sut.Scan(new ScanInput(message));

        Assert.Equal(VerdictBand.Clean, verdict.Band);
        Assert.Equal([BlockedSenderDomainRule.Name, ScanEngine.AllowlistedRule], verdict.RuleNames);
    }

    [Fact]
    public void Scan_AllowedSenderOnAppendedMail_IsNotReleased()
    {
        var sut = AllowingSender("billing@bad-sender.example");

        var verdict = sut.Scan(new ScanInput(Message(from: "billing@bad-sender.example", body: "Invoice attached")) { ReceivedAt = Arrival });

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
    }

    [Fact]
    public void Scan_AllowedSenderOnTransportedMail_IsReleased()
    {
        var sut = AllowingSender("bad-sender.example");
        var transported = TransportStamps.Stamp(Message(from: "billing@bad-sender.example", body: "Invoice attached"), TestMail.TenantId, Arrival);

        var verdict = sut.Scan(new ScanInput(transported) { ReceivedAt = Arrival });

        Assert.Equal(VerdictBand.Clean, verdict.Band);
        Assert.Contains(ScanEngine.AllowlistedRule, verdict.RuleNames);
    }

    // A partner's account can be stolen, and stamps copied into mail placed over IMAP look authenticated: the sender's
    // allowlist entry never releases malware.
    [Fact]
    public void Scan_MalwareFromAnAllowedSenderThroughTransport_IsNotReleased()
    {
        var sut = TestMail.Engine(o => o.AllowedSenders = ["vendor.example"]);
        var transported = TransportStamps.Stamp(TestMail.Load("Attachments", "zip-with-executable.eml"), TestMail.TenantId, Arrival);

        var verdict = sut.Scan(new ScanInput(transported) { ReceivedAt = Arrival });

        Assert.Equal((VerdictBand.Malicious, ThreatCategory.Malware), (verdict.Band, verdict.Category));
        Assert.DoesNotContain(ScanEngine.AllowlistedRule, verdict.RuleNames);
    }

    // Anyone can write an allowed partner's address into From; transport's check of its domain is what vouches for it.
    [Fact]
    public void Scan_AllowedSenderThatTransportFoundSpoofed_IsNotReleased()
    {
        var sut = AllowingSender("bad-sender.example");
        var spoofed = TransportStamps.Stamp(Message(from: "billing@bad-sender.example", body: "Invoice attached"), TestMail.TenantId, Arrival, senderCheckFailed: true);

        var verdict = sut.Scan(new ScanInput(spoofed) { ReceivedAt = Arrival });

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.DoesNotContain(ScanEngine.AllowlistedRule, verdict.RuleNames);
    }

    [Fact]
    public void Scan_AllowedSenderWhereTransportDoesNotCheckSenders_IsNotReleased()
    {
        var options = new DetectionOptions { BlockedSenderDomains = ["bad-sender.example"], AllowedSenders = ["bad-sender.example"] };
        var sut = new ScanEngine([new BlockedSenderDomainRule(Options.Create(options))], Options.Create(options),
            Options.Create(new TenantOptions { TenantId = TestMail.TenantId, TransportChecksSenders = false }));
        var transported = TransportStamps.Stamp(Message(from: "billing@bad-sender.example", body: "Invoice attached"), TestMail.TenantId, Arrival, authenticatedDomain: "bad-sender.example");

        var verdict = sut.Scan(new ScanInput(transported) { ReceivedAt = Arrival });

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
    }

    [Fact]
    public void Scan_RuleThatThrows_IsUnscannableNotACrash()
    {
        var sut = new ScanEngine([new ThrowingRule()], Options.Create(new DetectionOptions()), Options.Create(new TenantOptions()));

        var verdict = sut.Scan(new ScanInput(Message(from: "a@b.example", body: "x")));

        Assert.Equal(VerdictBand.Unscannable, verdict.Band);
        Assert.Equal([ScanEngine.RuleFailed], verdict.RuleNames);
    }

    [Fact]
    public void AddScanEngine_RegistersEveryRuleTheCoreDefinesOnce()
    {
        var services = new ServiceCollection();
        services.AddScanEngine(new ConfigurationBuilder().Build());
        var defined = typeof(IScanRule).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && t.IsAssignableTo(typeof(IScanRule)));

        var registered = services.BuildServiceProvider().GetServices<IScanRule>().Select(rule => rule.GetType()).ToList();

        Assert.True(registered.Count >= 20, $"only {registered.Count} rules registered");
        Assert.Equal(defined.Select(t => t.Name).Order(), registered.Select(t => t.Name).Order());
    }

    [Fact]
    public void Scan_TypicalMessageWithEveryRule_IsClean()
    {
        var verdict = TestMail.Engine().Scan(new ScanInput(TestMail.Load("Headers", "display-name-unrelated.eml")));

        Assert.Equal(VerdictBand.Clean, verdict.Band);
    }

    [Theory]
    [InlineData(10, VerdictBand.Malicious)]
    [InlineData(9.99, VerdictBand.Suspicious)]
    [InlineData(5, VerdictBand.Suspicious)]
    [InlineData(4.99, VerdictBand.Clean)]
    public void Scan_ScoreAtEachThreshold_TakesTheBandItStartsAndNoCategoryBelowSuspicious(double score, VerdictBand band)
    {
        var verdict = Weighing(new FixedRule(ThreatCategory.Spam, score));

        Assert.Equal(band, verdict.Band);
        Assert.Equal(band == VerdictBand.Clean ? ThreatCategory.Clean : ThreatCategory.Spam, verdict.Category);
        Assert.Equal(score, verdict.Score);
    }

    [Fact]
    public void Scan_Score_IsTheSumOfTheHitsRoundedToHundredths()
    {
        var verdict = Weighing(new FixedRule(ThreatCategory.Spam, 3.3333), new FixedRule(ThreatCategory.Phishing, 3.3333), new FixedRule(ThreatCategory.Malware, 3.3334));

        Assert.Equal(10, verdict.Score);
        Assert.Equal(VerdictBand.Malicious, verdict.Band);
    }

    [Fact]
    public void Scan_OnlyNeutralEvidenceAboveSuspicious_IsSpam()
    {
        var verdict = Weighing(new FixedRule(ThreatCategory.Clean, 6));

        Assert.Equal((VerdictBand.Suspicious, ThreatCategory.Spam), (verdict.Band, verdict.Category));
    }

    [Fact]
    public void Scan_SmallSignalsOfSeveralKinds_AreNamedByTheHeaviest()
    {
        var verdict = Weighing(new FixedRule(ThreatCategory.Spam, 2), new FixedRule(ThreatCategory.Phishing, 3), new FixedRule(ThreatCategory.Clean, 2.5));

        Assert.Equal((VerdictBand.Suspicious, ThreatCategory.Phishing), (verdict.Band, verdict.Category));
    }

    [Fact]
    public void Scan_PhishingAndSpamEachAboveSuspicious_NamesPhishingAsTheWorse()
    {
        var verdict = Weighing(new FixedRule(ThreatCategory.Spam, 9), new FixedRule(ThreatCategory.Phishing, 5));

        Assert.Equal(ThreatCategory.Phishing, verdict.Category);
    }

    [Fact]
    public void Scan_MalwareBelowSuspiciousBesideHeavierSpam_IsSpam()
    {
        var verdict = Weighing(new FixedRule(ThreatCategory.Spam, 8), new FixedRule(ThreatCategory.Malware, 4.99));

        Assert.Equal(ThreatCategory.Spam, verdict.Category);
    }

    [Fact]
    public void Scan_DeceptionRuleWithoutWeight_DoesNotNamePhishing()
    {
        var verdict = Weighing(new FixedRule(ThreatCategory.Spam, 12), new NamedRule(BrandImpersonationRule.Name, ThreatCategory.Phishing, 0));

        Assert.Equal(ThreatCategory.Spam, verdict.Category);
    }

    [Fact]
    public void Scan_DeceptionRuleFiringAsSpam_DoesNotNamePhishing()
    {
        var verdict = Weighing(new FixedRule(ThreatCategory.Spam, 12), new NamedRule(BrandImpersonationRule.Name, ThreatCategory.Spam, 3));

        Assert.Equal(ThreatCategory.Spam, verdict.Category);
    }

    [Fact]
    public void Scan_UnscannableBelowMalicious_IsUnscannableNotSuspicious()
    {
        var verdict = Weighing([new FixedRule(ThreatCategory.Spam, 7)], new UnscannableReason(ScanLimit.BodyText, "its body text is longer than 10 characters"));

        Assert.Equal(VerdictBand.Unscannable, verdict.Band);
        Assert.Equal(ThreatCategory.Spam, verdict.Category);
        Assert.Equal(ScanLimit.BodyText, verdict.Unscannable?.Limit);
    }

    [Fact]
    public void Scan_RuleThatThrows_KeepsTheOtherRulesEvidenceAndSaysWhichRuleFailed()
    {
        var verdict = Weighing(new FixedRule(ThreatCategory.Spam, 3), new ThrowingRule());

        Assert.Equal(["FIXED_Spam", ScanEngine.RuleFailed], verdict.RuleNames);
        Assert.Equal("ThrowingRule failed: broken", verdict.Hits[1].Reason);
        Assert.Equal(new UnscannableReason(ScanLimit.RuleFailed, "the rule ThrowingRule could not read it"), verdict.Unscannable);
    }

    [Fact]
    public void Scan_AllowlistedFingerprint_SaysSoInItsReason()
    {
        var message = Message(from: "billing@bad-sender.example", body: "Invoice attached");
        var fingerprint = _sut.Scan(new ScanInput(message)).Fingerprint.Id;
        var options = new DetectionOptions { AllowedFingerprints = [fingerprint.ToUpperInvariant()] };

        var verdict = new ScanEngine([new FixedRule(ThreatCategory.Spam, 12)], Options.Create(options), Options.Create(new TenantOptions())).Scan(new ScanInput(message));

        Assert.Equal(VerdictBand.Clean, verdict.Band);
        Assert.Equal(12, verdict.Score);
        Assert.Equal($"Released by the SOC's allowlist (fingerprint {fingerprint}).", verdict.Hits.Single(h => h.Rule == ScanEngine.AllowlistedRule).Reason);
    }

    [Theory]
    [InlineData("BILLING@bad-sender.example", "sender billing@bad-sender.example")]
    [InlineData("bad-sender.example", "sender domain bad-sender.example")]
    public void Scan_AllowedSenderOnTransportedMail_SaysWhichEntryReleasedIt(string entry, string released)
    {
        var transported = TransportStamps.Stamp(Message(from: "billing@bad-sender.example", body: "Invoice attached"), TestMail.TenantId, Arrival);

        var verdict = AllowingSender(entry).Scan(new ScanInput(transported) { ReceivedAt = Arrival });

        Assert.Equal($"Released by the SOC's allowlist ({released}).", verdict.Hits.Single(h => h.Rule == ScanEngine.AllowlistedRule).Reason);
    }

    [Fact]
    public void Scan_AllowedSenderIsAnotherAddressOfTheDomain_IsNotReleased()
    {
        var transported = TransportStamps.Stamp(Message(from: "billing@bad-sender.example", body: "Invoice attached"), TestMail.TenantId, Arrival);

        var verdict = AllowingSender("ceo@bad-sender.example").Scan(new ScanInput(transported) { ReceivedAt = Arrival });

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
    }

    [Fact]
    public void AddScanEngine_DetectionSection_IsTheEnginesSettings()
    {
        var services = new ServiceCollection().Configure<TenantOptions>(t => t.TenantId = TestMail.TenantId);
        services.AddScanEngine(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Detection:BlockedSenderDomains:0"] = "bad-sender.example",
            ["Detection:MaliciousThreshold"] = "50",
        }).Build());

        var verdict = services.BuildServiceProvider().GetRequiredService<ScanEngine>().Scan(new ScanInput(Message(from: "billing@bad-sender.example", body: "Hello")));

        Assert.Contains(BlockedSenderDomainRule.Name, verdict.RuleNames);
        Assert.NotEqual(VerdictBand.Malicious, verdict.Band);
    }

    [Fact]
    public void UnscannableReason_ReadsAsItsDescription()
    {
        Assert.Equal("it is larger than 4 KB", new UnscannableReason(ScanLimit.MessageSize, "it is larger than 4 KB").ToString());
    }

    // Every copy of the content shares the content's evidence, not its sender's: a real message's copy made malicious by
    // what an attacker wrote around it must not stand for the real message.
    [Theory]
    [InlineData(10, true)]
    [InlineData(9.99, false)]
    [InlineData(5, false)]
    public void Scan_MaliciousWithContentEvidenceAtTheMaliciousThreshold_StandsForItsCampaign(double contentWeight, bool keyed)
    {
        var sut = new ScanEngine(
            [new FixedRule(ThreatCategory.Spam, 12 - contentWeight), new NamedRule(SpamClassifierRule.Name, ThreatCategory.Spam, contentWeight)],
            Options.Create(new DetectionOptions()), Options.Create(new TenantOptions()));

        var verdict = sut.Scan(new ScanInput(Message(from: "a@b.example", body: "See https://offer.example/x")));

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.Equal(keyed ? verdict.Fingerprint.CampaignId : null, verdict.CampaignKey);
    }

    // The missing transport is a finding about one copy: a copy transport delivered lacks those points.
    [Theory]
    [InlineData(7.5, true)]
    [InlineData(9.99, true)]
    [InlineData(10, false)]
    public void Scan_MaliciousOnlyWithThePointsForHowTheCopyArrived_IsCopyBound(double contentWeight, bool copyBound)
    {
        var verdict = Weighing(new NamedRule(SpamClassifierRule.Name, ThreatCategory.Spam, contentWeight),
            new NamedRule(TransportBypassRule.Name, ThreatCategory.Clean, 2), new NamedRule(NoReceivedHopsRule.Name, ThreatCategory.Clean, 0.5));

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.Equal(copyBound, verdict.CopyBound);
    }

    [Theory]
    [InlineData(ForgedTransportStampRule.Name)]
    [InlineData(DraftOutsideDraftsRule.Name)]
    public void Scan_MaliciousOnlyWithForgedStampsOrADraftOutsideDrafts_IsCopyBound(string rule)
    {
        Assert.True(Weighing(new NamedRule(SpamClassifierRule.Name, ThreatCategory.Spam, 9), new NamedRule(rule, ThreatCategory.Clean, 1)).CopyBound);
    }

    [Fact]
    public void Scan_MaliciousThroughHeadersTheSenderWrote_IsNotCopyBound()
    {
        // Every copy carries what its sender wrote, however it arrived.
        var verdict = Weighing(new NamedRule(SpamClassifierRule.Name, ThreatCategory.Spam, 8), new NamedRule(SpoofedSenderRule.Name, ThreatCategory.Clean, 2));

        Assert.True(verdict.IsMalicious);
        Assert.False(verdict.CopyBound);
    }

    [Fact]
    public void Scan_SuspiciousWithThePointsForHowTheCopyArrived_IsNotCopyBound()
    {
        Assert.False(Weighing(new NamedRule(SpamClassifierRule.Name, ThreatCategory.Spam, 5), new NamedRule(TransportBypassRule.Name, ThreatCategory.Clean, 2)).CopyBound);
    }

    // Content points, then the arrival points of this copy: whether a copy that came another way could be judged otherwise.
    [Theory]
    [InlineData(12, 0, true)]
    [InlineData(8, 2.5, false)]
    [InlineData(5, 0, true)]
    [InlineData(5.1, 0, false)]
    [InlineData(4.9, 2.5, true)]
    [InlineData(0, 0, true)]
    public void Scan_HoldsForEveryArrival_OnlyWhenNoArrivalPointsCouldCarryTheContentAcrossTheLine(double contentWeight, double arrivalWeight, bool holds)
    {
        NamedRule[] arrival = arrivalWeight == 0 ? [] : [new NamedRule(TransportBypassRule.Name, ThreatCategory.Clean, arrivalWeight)];
        var verdict = Weighing([new NamedRule(SpamClassifierRule.Name, ThreatCategory.Spam, contentWeight), .. arrival]);

        Assert.Equal(holds, verdict.HoldsForEveryArrival);
    }

    [Fact]
    public void Scan_CleanMessageThatCanStandForACampaign_CarriesItsKey()
    {
        var sut = new ScanEngine([], Options.Create(new DetectionOptions()), Options.Create(new TenantOptions()));

        var verdict = sut.Scan(new ScanInput(Message(from: "a@b.example", body: "See https://offer.example/x")));

        Assert.Equal(VerdictBand.Clean, verdict.Band);
        Assert.Equal(verdict.Fingerprint.CampaignId, verdict.CampaignKey);
    }

    private static Verdict Weighing(params IScanRule[] rules) => Weighing(rules, unscannable: null);

    private static Verdict Weighing(IScanRule[] rules, UnscannableReason? unscannable) =>
        new ScanEngine(rules, Options.Create(new DetectionOptions()), Options.Create(new TenantOptions()))
            .Scan(new ScanInput(Message(from: "a@b.example", body: "x")) { LimitExceeded = unscannable });

    private static ScanEngine AllowingSender(string sender)
    {
        var options = new DetectionOptions { BlockedSenderDomains = ["bad-sender.example"], AllowedSenders = [sender] };
        return new ScanEngine([new BlockedSenderDomainRule(Options.Create(options))], Options.Create(options), Options.Create(new TenantOptions { TenantId = TestMail.TenantId }));
    }

    [Fact]
    public void Scan_MaliciousThroughItsLink_CampaignKeyIsTheFingerprintWithItsSubject()
    {
        var verdict = _sut.Scan(new ScanInput(Message(from: "it@partner.example", body: "Your mailbox is full, reset it here: https://login.phish.example/reset")));

        Assert.True(verdict.IsMalicious);
        Assert.Equal(verdict.Fingerprint.CampaignId, verdict.CampaignKey);
    }

    [Fact]
    public void Scan_SameBodyUnderAnotherSubject_SharesTheFingerprintButNotTheCampaign()
    {
        const string body = "Your mailbox is full, reset it here: https://login.phish.example/reset";
        var newsletter = Message(from: "it@partner.example", body: body);
        var lure = Message(from: "it@partner.example", body: body);
        lure.Subject = "Action required: verify your account within 24 hours";

        var (first, second) = (_sut.Scan(new ScanInput(newsletter)), _sut.Scan(new ScanInput(lure)));

        Assert.Equal(first.Fingerprint.Id, second.Fingerprint.Id);
        Assert.NotEqual(first.CampaignKey, second.CampaignKey);
    }

    [Fact]
    public void Scan_MaliciousThroughItsSenderAlone_HasNoCampaignKey()
    {
        var verdict = _sut.Scan(new ScanInput(Message(from: "billing@bad-sender.example",
            body: "Hello team, the minutes of Tuesday's planning meeting are on the intranet as usual. Kind regards, the office")));

        Assert.True(verdict.IsMalicious);
        Assert.Null(verdict.CampaignKey);
    }

    // The cheapest way to give a harmless body a bad name: copy it and add what the sender writes around it. A letter
    // that only its Reply-To makes malicious names no campaign its body could stand for, however much of the story its
    // text tells: the body alone is not malicious.
    [Theory]
    [InlineData("You are named beneficiary of $4.2 million left by my good father. Write back for the details.")]
    [InlineData("You are named beneficiary of $4.2 million left by my late father. Write back for the details.")]
    public void Scan_AdvanceFeeLetterCompletedByItsReplyTo_StandsForNoCampaign(string body)
    {
        var verdict = TestMail.Engine().Scan(new ScanInput(TestMail.Parse(
            $"From: Office <office@school.example>\r\nReply-To: winner.office77@gmail.com\r\nTo: alice@{TestMail.Domain}\r\n" +
            $"Subject: Hello\r\nMessage-ID: <letter.1@school.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n{body}\r\n")));

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.Contains(AdvanceFeeFraudRule.Name, verdict.RuleNames);
        Assert.Null(verdict.CampaignKey);
    }

    // .NET parses "xn--é" as a host and throws only when its IDN form is read: one invisible anchor of that kind failed
    // the fingerprint, so every scan of the phish failed before its remediation. The link reaches nothing and is not read.
    [Fact]
    public void Scan_LinkWhoseHostHasNoIdnForm_IsLeftOutAndThePhishIsJudged()
    {
        var message = TestMail.Parse(
            "From: IT Helpdesk <helpdesk@login-verify.example>\r\nTo: alice@contoso.example\r\nSubject: Mailbox quota exceeded\r\n" +
            "Message-ID: <quota.7@login-verify.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n" +
            "<html><body><a href=\"https://x.xn--\u00e9.example/\"></a><p>Your mailbox is full. Verify your account at " +
            "<a href=\"https://www.google.com/url?q=https://y.xn--\u00e9.example/\">https://login.contoso.example/reset</a> today.</p></body></html>\r\n");
        var read = TestMail.Read(message);

        var verdict = TestMail.Engine().Scan(new ScanInput(message));

        Assert.DoesNotContain(read.Links, link => link.Host.Contains("xn--", StringComparison.Ordinal));
        Assert.Contains(LinkTextMismatchRule.Name, verdict.RuleNames);
        Assert.Contains(OpenRedirectLinkRule.Name, verdict.RuleNames);
        Assert.DoesNotContain(ScanEngine.RuleFailed, verdict.RuleNames);
    }

    // The opener is completed by its Reply-To alone: malicious for this message, never a campaign of its body.
    [Fact]
    public void Scan_AdvanceFeeOpener_IsMaliciousButStandsForNoCampaign()
    {
        var verdict = TestMail.Engine().Scan(new ScanInput(TestMail.Parse(
            "From: Office <office@school.example>\r\nReply-To: winner.office77@gmail.com\r\nTo: office@school.example\r\n" +
            "Subject: Hello\r\nMessage-ID: <letter.2@school.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n" +
            "I wish to discuss a lucrative deal with you, as I am dying of bone cancer. Write back for the details.\r\n")));

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.Contains(AdvanceFeeFraudRule.Name, verdict.RuleNames);
        Assert.Null(verdict.CampaignKey);
    }

    [Fact]
    public void ContentEvidence_WeightTheSenderWroteAroundTheContent_DoesNotCount()
    {
        RuleHit[] hits = [new(CredentialLureRule.Name, 5.5, ThreatCategory.Phishing, "lure") { WeightAroundContent = 1.5 }, new("TRANSPORT_BYPASS", 2, ThreatCategory.Clean, "x")];

        Assert.Equal(4, ContentEvidence.WeightOf(hits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("482913")]
    [InlineData("Accepted")]
    public void Scan_TooLittleContent_HasNoCampaignKeyAndDoesNotShareOne(string body)
    {
        var verdict = _sut.Scan(new ScanInput(Message(from: "it@partner.example", body: body)));

        Assert.False(verdict.Fingerprint.CanStandForCampaign);
        Assert.Null(verdict.CampaignKey);
        Assert.NotEqual(verdict.Fingerprint.SingleMessageKey("<a@x>", "m", "1"), verdict.Fingerprint.SingleMessageKey("<b@x>", "m", "2"));
    }

    [Fact]
    public void ContentEvidence_EveryRuleNamed_IsARegisteredRule()
    {
        var services = new ServiceCollection().Configure<TenantOptions>(_ => { });
        services.AddScanEngine(new ConfigurationBuilder().Build());
        var registered = services.BuildServiceProvider().GetServices<IScanRule>()
            .Select(rule => (string)rule.GetType().GetField("Name")!.GetValue(null)!).ToHashSet();

        Assert.Subset(registered, ContentEvidence.Rules.ToHashSet());
    }

    [Fact]
    public void DeceptionEvidence_EveryRuleNamed_IsARegisteredRule()
    {
        var services = new ServiceCollection().Configure<TenantOptions>(_ => { });
        services.AddScanEngine(new ConfigurationBuilder().Build());
        var registered = services.BuildServiceProvider().GetServices<IScanRule>()
            .Select(rule => (string)rule.GetType().GetField("Name")!.GetValue(null)!).ToHashSet();

        Assert.Subset(registered, DeceptionEvidence.Rules.ToHashSet());
    }

    private static MimeMessage Message(string from, string? body = null, string? html = null)
    {
        // A fixed Message-ID and date: the generated ones vary in shape, and the spam classifier reads their shape.
        var message = new MimeMessage { MessageId = "test.1@mail.example", Date = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("alice@contoso.example"));
        message.Subject = "Test";
        message.Body = new BodyBuilder { TextBody = body, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private sealed class FixedRule(ThreatCategory category, double weight) : IScanRule
    {
        public IEnumerable<RuleHit> Evaluate(ScannedMessage message) => [new RuleHit($"FIXED_{category}", weight, category, "fixed")];
    }

    private sealed class NamedRule(string name, ThreatCategory category, double weight) : IScanRule
    {
        public IEnumerable<RuleHit> Evaluate(ScannedMessage message) => [new RuleHit(name, weight, category, "fixed")];
    }

    private sealed class ThrowingRule : IScanRule
    {
        public IEnumerable<RuleHit> Evaluate(ScannedMessage message) => throw new InvalidOperationException("broken");
    }
}
