using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Provenance;

/// <summary>The same message appended into a mailbox and delivered through this tenant's transport.</summary>
public class AppendedMailTests
{
    private static readonly DateTimeOffset Arrival = new(2024, 11, 12, 9, 15, 30, TimeSpan.Zero);
    private readonly ScanEngine _sut = TestMail.Engine();

    [Fact]
    public void Scan_SpamAppended_ScoresHigherThanSameSpamTransported()
    {
        var spam = TestMail.Load("Provenance", "spam-offer.eml");

        var transported = _sut.Scan(new ScanInput(TransportStamps.Stamp(spam, TestMail.TenantId, Arrival)) { ReceivedAt = Arrival });
        var appended = _sut.Scan(new ScanInput(TransportStamps.Copy(spam)) { ReceivedAt = Arrival });

        Assert.True(appended.Score > transported.Score, $"appended {appended.Score} vs transported {transported.Score}");
        Assert.Contains(TransportBypassRule.Name, appended.RuleNames);
        Assert.DoesNotContain(TransportBypassRule.Name, transported.RuleNames);
    }

    [Fact]
    public void Scan_LegitimateNoteAppendedAsDraft_StaysClean()
    {
        var note = TestMail.Load("Provenance", "colleague-note.eml");

        var verdict = _sut.Scan(new ScanInput(note) { ReceivedAt = Arrival, IsDraft = true, FolderName = "inbox" });

        Assert.Equal(VerdictBand.Clean, verdict.Band);
        Assert.Contains(TransportBypassRule.Name, verdict.RuleNames);
        Assert.Contains(DraftOutsideDraftsRule.Name, verdict.RuleNames);
    }

    [Fact]
    public void Scan_LegitimateNoteTransported_HasNoProvenanceHits()
    {
        var note = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);

        var verdict = _sut.Scan(new ScanInput(note) { ReceivedAt = Arrival });

        Assert.Equal(VerdictBand.Clean, verdict.Band);
        Assert.Empty(verdict.Hits);
    }

    [Fact]
    public void Scan_ProvenanceEvidenceAlone_NeverReachesSuspicious()
    {
        // Every provenance trait at once: no stamps, no hops, a draft in the Inbox, sent to itself.
        var note = TestMail.Load("Headers", "sender-among-recipients.eml");
        note.To.Clear();
        note.To.Add(note.From.Mailboxes.Single());

        var verdict = _sut.Scan(new ScanInput(note) { IsDraft = true, FolderName = "inbox" });

        Assert.Equal(VerdictBand.Clean, verdict.Band);
        Assert.Equal(4, verdict.Hits.Count);
    }
}
