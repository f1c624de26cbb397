using Microsoft.Extensions.Options;
using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning;

public class ScanEngineTests
{
    private static readonly DetectionOptions Lists = new()
    {
        BlockedSenderDomains = ["bad-sender.example"],
        BlockedUrlDomains = ["phish.example"],
    };

    private readonly ScanEngine _sut = new(
        [new BlockedSenderDomainRule(Options.Create(Lists)), new BlockedUrlDomainRule(Options.Create(Lists))],
        Options.Create(Lists));

    [Fact]
    public void Scan_SenderInBlockedDomain_IsMaliciousPhishingWithReason()
    {
        var verdict = _sut.Scan(Message(from: "billing@mail.bad-sender.example", body: "Hello"));

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.Equal(ThreatCategory.Phishing, verdict.Category);
        var hit = Assert.Single(verdict.Hits);
        Assert.Equal(BlockedSenderDomainRule.Name, hit.Rule);
        Assert.Contains("bad-sender.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_LinkToBlockedUrlDomainInHtml_IsMalicious()
    {
        var verdict = _sut.Scan(Message(from: "it@partner.example", html: "<a href=\"https://login.phish.example/reset?u=1\">Reset</a>"));

        Assert.True(verdict.IsMalicious);
        Assert.Equal([BlockedUrlDomainRule.Name], verdict.RuleNames);
    }

    [Fact]
    public void Scan_DomainThatOnlyEndsLikeBlockedOne_IsClean()
    {
        var verdict = _sut.Scan(Message(from: "news@notbad-sender.example", body: "See https://nophish.example/page"));

        Assert.Equal(VerdictBand.Clean, verdict.Band);
        Assert.Equal(ThreatCategory.Clean, verdict.Category);
        Assert.Empty(verdict.Hits);
    }

    [Fact]
    public void Scan_BelowMaliciousButAboveSuspicious_IsSuspicious()
    {
        var options = Options.Create(new DetectionOptions { MaliciousThreshold = 20, SuspiciousThreshold = 5, BlockedUrlDomains = ["phish.example"] });
        var sut = new ScanEngine([new BlockedUrlDomainRule(options)], options);

        var verdict = sut.Scan(Message(from: "a@b.example", body: "https://phish.example/x"));

        Assert.Equal(VerdictBand.Suspicious, verdict.Band);
    }

    private static MimeMessage Message(string from, string? body = null, string? html = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("alice@contoso.example"));
        message.Subject = "Test";
        message.Body = new BodyBuilder { TextBody = body, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
