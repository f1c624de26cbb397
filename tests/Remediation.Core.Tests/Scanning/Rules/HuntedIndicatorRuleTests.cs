using MimeKit;
using Remediation.Core.Hunting;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class HuntedIndicatorRuleTests
{
    private readonly HuntedIndicatorRule _sut = new();

    [Fact]
    public void Evaluate_NoHunt_Nothing() => Assert.Empty(_sut.Evaluate(Read(Message(), hunted: null)));

    [Fact]
    public void Evaluate_LinkInHuntedDomain_IsContentEvidenceThatActsAlone()
    {
        var hit = Assert.Single(_sut.Evaluate(Read(Message(), Indicator.UrlDomain("later-bad.example"))));

        Assert.Equal(HuntedIndicatorRule.Name, hit.Rule);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.True(hit.Weight >= new RemediationOptions().MinimumScoreToAct, "a person named it: above the guard's floor");
        Assert.Contains(HuntedIndicatorRule.Name, ContentEvidence.Rules);
        Assert.Contains("news.later-bad.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LinkElsewhere_Nothing() => Assert.Empty(_sut.Evaluate(Read(Message(), Indicator.UrlDomain("other.example"))));

    [Fact]
    public void Evaluate_HuntedSender_IsSenderEvidenceNotContent()
    {
        var hit = Assert.Single(_sut.Evaluate(Read(Message(), Indicator.Sender("news@partner.example"))));

        Assert.Equal(HuntedIndicatorRule.SenderName, hit.Rule);
        Assert.DoesNotContain(HuntedIndicatorRule.SenderName, ContentEvidence.Rules);
    }

    [Fact]
    public void Evaluate_HuntedFingerprint_MatchesThisContentOnly()
    {
        var message = Read(Message(), hunted: null);
        var fingerprint = MessageFingerprint.Of(message).Id;

        Assert.Single(_sut.Evaluate(Read(Message(), Indicator.Fingerprint(fingerprint))));
        Assert.Empty(_sut.Evaluate(Read(Message("Another text entirely, with other words in it."), Indicator.Fingerprint(fingerprint))));
    }

    private static ScannedMessage Read(MimeMessage mime, Indicator? hunted) => TestMail.Read(mime, new ScanInput(mime) { Hunted = hunted });

    private static MimeMessage Message(string text = "Our November update is out: https://news.later-bad.example/updates") =>
        TestMail.Parse($"From: news@partner.example\r\nTo: alice@{TestMail.Domain}\r\nSubject: Update\r\n\r\n{text}\r\n");

    [Fact]
    public void Evaluate_LinkInHuntedDomain_SaysWhatMatched()
    {
        var hit = Assert.Single(_sut.Evaluate(Read(Message(), Indicator.UrlDomain("later-bad.example"))));

        Assert.Equal(20, hit.Weight);
        Assert.Equal("Matches what a hunt looks for (UrlDomain later-bad.example): news.later-bad.example.", hit.Reason);
    }

    [Fact]
    public void Evaluate_HuntedSenderDomain_IsPhishingNamingTheAddress()
    {
        var hit = Assert.Single(_sut.Evaluate(Read(Message(), Indicator.Sender("partner.example"))));

        Assert.Equal(HuntedIndicatorRule.SenderName, hit.Rule);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("Matches what a hunt looks for (Sender partner.example): news@partner.example.", hit.Reason);
    }

    [Fact]
    public void Evaluate_OtherSender_Nothing() => Assert.Empty(_sut.Evaluate(Read(Message(), Indicator.Sender("other.example"))));

    [Fact]
    public void Evaluate_HuntedAttachment_IsMalwareNamingTheFile()
    {
        var mime = RuleMail.WithAttachments(("notes.txt", RuleMail.Ascii("plain")), ("invoice.pdf", RuleMail.Ascii("bad")));
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(RuleMail.Ascii("bad")));

        var hit = Assert.Single(_sut.Evaluate(Read(mime, Indicator.AttachmentSha256(hash))));

        Assert.Equal(HuntedIndicatorRule.Name, hit.Rule);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.Equal($"Matches what a hunt looks for (AttachmentSha256 {hash.ToLowerInvariant()}): invoice.pdf.", hit.Reason);
    }

    [Fact]
    public void Evaluate_OtherAttachment_Nothing()
    {
        var mime = RuleMail.WithAttachments(("notes.txt", RuleMail.Ascii("plain")));

        Assert.Empty(_sut.Evaluate(Read(mime, Indicator.AttachmentSha256(new string('a', 64)))));
    }

    [Fact]
    public void Evaluate_HuntedFingerprint_QuotesIt()
    {
        var fingerprint = MessageFingerprint.Of(Read(Message(), hunted: null)).Id;

        var hit = Assert.Single(_sut.Evaluate(Read(Message(), Indicator.Fingerprint(fingerprint.ToUpperInvariant()))));

        Assert.Equal($"Matches what a hunt looks for (Fingerprint {fingerprint.ToLowerInvariant()}): {fingerprint.ToLowerInvariant()}.", hit.Reason);
    }

    [Fact]
    public void Evaluate_HuntForEveryMessage_NamesNothing() => Assert.Empty(_sut.Evaluate(Read(Message(), Indicator.AnyMessage)));
}
