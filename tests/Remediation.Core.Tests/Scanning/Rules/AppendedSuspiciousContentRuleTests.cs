using Microsoft.Extensions.Options;
using MimeKit;
using Remediation.Core.Mailboxes;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

/// <summary>
/// Appended mail is judged on its content alone: evidence over the suspicious band, placed without transport lately,
/// reaches the malicious band; the same evidence delivered by transport, or brought by a migration, does not.
/// </summary>
public class AppendedSuspiciousContentRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5.5, true)]
    [InlineData(9.5, true)]
    [InlineData(5, false)]
    [InlineData(3, false)]
    [InlineData(10, false)]
    public void Scan_AppendedNow_LiftsOnlyEvidenceBetweenTheBands(double evidence, bool lifted)
    {
        var verdict = Scan(evidence, Appended(), receivedAt: Now.AddMinutes(-1));

        Assert.Equal(lifted, verdict.RuleNames.Contains(AppendedSuspiciousContentRule.Name));
        Assert.Equal(evidence > 5, verdict.IsMalicious);
    }

    [Fact]
    public void Scan_AppendedNow_IsMaliciousForItsCopyAlone()
    {
        var verdict = Scan(6, Appended(), receivedAt: Now.AddMinutes(-1));

        Assert.True(verdict.CopyBound);
        Assert.Equal(6 + TransportBypassRule.Weight + AppendedSuspiciousContentRule.Weight, verdict.Score);
    }

    [Fact]
    public void Scan_SameEvidenceThroughTransport_StaysSuspicious()
    {
        var verdict = Scan(6, TransportStamps.Stamp(Appended(), TestMail.TenantId, Now.AddMinutes(-2)), receivedAt: Now.AddMinutes(-1));

        Assert.Equal(VerdictBand.Suspicious, verdict.Band);
        Assert.DoesNotContain(AppendedSuspiciousContentRule.Name, verdict.RuleNames);
    }

    [Fact]
    public void Scan_MigratedHistory_StaysSuspicious()
    {
        var verdict = Scan(6, Appended(), receivedAt: Now - MailboxHistory.Age - TimeSpan.FromMinutes(1));

        Assert.Equal(VerdictBand.Suspicious, verdict.Band);
        Assert.Contains(TransportBypassRule.Name, verdict.RuleNames);
    }

    [Fact]
    public void Scan_PlacedWithinTheHistoryAge_IsLifted()
    {
        var verdict = Scan(6, Appended(), receivedAt: Now - MailboxHistory.Age + TimeSpan.FromMinutes(1));

        Assert.True(verdict.IsMalicious);
    }

    [Fact]
    public void Scan_BackdatedByHours_IsLifted()
    {
        var verdict = Scan(6, Appended(), receivedAt: Now.AddHours(-5));

        Assert.True(verdict.IsMalicious);
    }

    [Fact]
    public void Scan_CreationUnknown_IsLifted()
    {
        var verdict = Scan(6, Appended(), receivedAt: Now.AddDays(-30), createdKnown: false);

        Assert.True(verdict.IsMalicious);
    }

    [Fact]
    public void Scan_ArrivalPointsDoNotCountAsEvidence()
    {
        // 4 points of content, 2 of the bypass and 1 of a draft outside Drafts: 7 in all, but only 4 say what it is.
        var engine = Engine(new FixedRule(SpamClassifierRule.Name, 4), new TransportBypassRule(), new DraftOutsideDraftsRule());
        var verdict = engine.Scan(new ScanInput(Appended()) { IsDraft = true, FolderName = "inbox", ReceivedAt = Now, CreatedAt = Now });

        Assert.Equal(VerdictBand.Suspicious, verdict.Band);
        Assert.DoesNotContain(AppendedSuspiciousContentRule.Name, verdict.RuleNames);
    }

    // The store created the item now, and dates its arrival at receivedAt.
    private static Verdict Scan(double evidence, MimeMessage mime, DateTimeOffset? receivedAt, bool createdKnown = true) =>
        Engine(new FixedRule(SpamClassifierRule.Name, evidence), new TransportBypassRule())
            .Scan(new ScanInput(mime) { ReceivedAt = receivedAt, CreatedAt = createdKnown ? Now : null });

    private static ScanEngine Engine(params IScanRule[] rules) =>
        new(rules, Options.Create(new DetectionOptions()), Options.Create(new TenantOptions { TenantId = TestMail.TenantId }));

    // What an IMAP append leaves: a Received hop of the sender's own, no stamp of this tenant's transport.
    private static MimeMessage Appended()
    {
        var message = new MimeMessage { MessageId = "offer.1@mail.example", Date = Now.AddMinutes(-3), Subject = "Offer" };
        message.From.Add(MailboxAddress.Parse("offers@mail.example"));
        message.To.Add(MailboxAddress.Parse("alice@contoso.example"));
        message.Headers.Add("Received", "from mail.example by mx.mail.example; Mon, 2 Mar 2026 09:57:00 +0000");
        message.Body = new TextPart("plain") { Text = "Today only." };
        return message;
    }

    private sealed class FixedRule(string name, double weight) : IScanRule
    {
        public IEnumerable<RuleHit> Evaluate(ScannedMessage message) => [new RuleHit(name, weight, ThreatCategory.Spam, "fixed")];
    }
}
