using Remediation.Core.Audit;
using Remediation.Core.Campaigns;
using Remediation.Core.Hunting;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;

namespace Remediation.Core.Tests.Hunting;

/// <summary>
/// Starting, reporting on and undoing hunts: what an analyst's request turns into, that a hunt with a known id starts
/// once, what a report holds, and which campaigns a restore puts back.
/// </summary>
public sealed class HuntControlTests
{
    private static readonly DateTimeOffset Now = HuntFixture.Now;
    private readonly HuntFixture _fixture = new();

    [Fact]
    public async Task StartRequested_ValidRequest_CreatesTheHuntAndQueuesIt()
    {
        var query = new Dictionary<string, string> { ["url-domain"] = "Later-Bad.Example.", ["since"] = "48h", ["report-only"] = "true" };

        var hunt = await _fixture.Control().StartRequestedAsync(query.GetValueOrDefault, HuntFixture.Analyst, CancellationToken.None);

        Assert.Matches("^20261129101500-[0-9a-f]{8}$", hunt.Id);
        Assert.Equal(new Hunt(hunt.Id, Indicator.UrlDomain("later-bad.example"), Now.AddHours(-48), true, HuntTrigger.Analyst, HuntFixture.Analyst, Now), hunt);
        Assert.Equal(hunt, await _fixture.Hunts.FindAsync(hunt.Id, CancellationToken.None));
        Assert.Equal(HuntProgress.NotStarted, await _fixture.ProgressAsync(hunt.Id));
        Assert.Equal([new HuntRequest(hunt.Id)], _fixture.HuntRequests());
    }

    [Fact]
    public async Task StartRequested_NoWindowOrMode_LooksBackTheConfiguredWindowAndRemediates()
    {
        _fixture.Options.Window = TimeSpan.FromDays(3);
        var query = new Dictionary<string, string> { ["sender"] = "Billing@Partner.example" };

        var hunt = await _fixture.Control().StartRequestedAsync(query.GetValueOrDefault, HuntFixture.Analyst, CancellationToken.None);

        Assert.Equal((Indicator.Sender("billing@partner.example"), Now.AddDays(-3), false), (hunt.Indicator, hunt.Since, hunt.ReportOnly));
    }

    [Theory]
    [InlineData("sha256", "ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB", IndicatorKind.AttachmentSha256, "abababababababababababababababababababababababababababababababab")]
    [InlineData("fingerprint", "0123ABCD", IndicatorKind.Fingerprint, "0123abcd")]
    [InlineData("url-domain", "news.later-bad.example", IndicatorKind.UrlDomain, "news.later-bad.example")]
    public async Task StartRequested_EachIndicator_IsHuntedInItsCanonicalForm(string name, string value, IndicatorKind kind, string canonical)
    {
        var hunt = await _fixture.Control().StartRequestedAsync(n => n == name ? value : null, HuntFixture.Analyst, CancellationToken.None);

        Assert.Equal(new Indicator(kind, canonical), hunt.Indicator);
    }

    [Theory]
    [InlineData("url-domain=a.example&sender=b.example")]
    [InlineData("since=7d")]
    [InlineData("url-domain=not-a-domain")]
    [InlineData("url-domain=a.example&since=91d")]
    [InlineData("url-domain=a.example&since=0d")]
    [InlineData("url-domain=a.example&since=2w")]
    [InlineData("url-domain=a.example&report-only=maybe")]
    public async Task StartRequested_NoHuntDescribed_RefusesAndStartsNothing(string query)
    {
        var parameters = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Control().StartRequestedAsync(parameters.GetValueOrDefault, HuntFixture.Analyst, CancellationToken.None));

        Assert.Empty(_fixture.HuntRequests());
    }

    [Fact]
    public async Task StartRequested_Twice_StartsTwoHunts()
    {
        var query = new Dictionary<string, string> { ["url-domain"] = "later-bad.example" };

        var first = await _fixture.Control().StartRequestedAsync(query.GetValueOrDefault, HuntFixture.Analyst, CancellationToken.None);
        var second = await _fixture.Control().StartRequestedAsync(query.GetValueOrDefault, "bob@contoso.example", CancellationToken.None);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal([new HuntRequest(first.Id), new HuntRequest(second.Id)], _fixture.HuntRequests());
    }

    [Fact]
    public async Task Start_NewId_CreatesTheHuntUnderItAndQueuesIt()
    {
        var (hunt, started) = await _fixture.Control().StartAsync(
            Indicator.UrlDomain("later-bad.example"), Now.AddDays(-2), false, HuntTrigger.Settings, "trigger", "settings-1", CancellationToken.None);

        Assert.True(started);
        Assert.Equal(new Hunt("settings-1", Indicator.UrlDomain("later-bad.example"), Now.AddDays(-2), false, HuntTrigger.Settings, "trigger", Now), hunt);
        Assert.Equal(hunt, await _fixture.Hunts.FindAsync("settings-1", CancellationToken.None));
        Assert.Equal([new HuntRequest("settings-1")], _fixture.HuntRequests());
    }

    [Fact]
    public async Task Start_IdThatExists_ReturnsTheHuntStartedBeforeAndQueuesNothing()
    {
        var before = await _fixture.CreateAsync(Indicator.UrlDomain("later-bad.example"), id: "settings-1");
        _fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var (hunt, started) = await _fixture.Control().StartAsync(
            Indicator.Sender("other.example"), Now, true, HuntTrigger.Settings, "trigger", "settings-1", CancellationToken.None);

        Assert.False(started);
        Assert.Equal(before, hunt);
        Assert.Equal(before, await _fixture.Hunts.FindAsync("settings-1", CancellationToken.None));
        Assert.Empty(_fixture.HuntRequests());
    }

    [Fact]
    public void TriggerId_NamesTheTriggerTheDayAndWhatChanged()
    {
        Assert.Equal("settings-20261129-b2056dd816bb37ce", HuntControl.TriggerId(HuntTrigger.Settings, "UrlDomain later-bad.example", Now));
        Assert.Equal("settings-20261129-b2056dd816bb37ce", HuntControl.TriggerId(HuntTrigger.Settings, "UrlDomain later-bad.example", Now.AddHours(13)));
        Assert.Equal("settings-20261130-b2056dd816bb37ce", HuntControl.TriggerId(HuntTrigger.Settings, "UrlDomain later-bad.example", Now.AddDays(1)));
        Assert.Equal("enginechanged-20261129-b2056dd816bb37ce", HuntControl.TriggerId(HuntTrigger.EngineChanged, "UrlDomain later-bad.example", Now));
        Assert.Equal("settings-20261129-e09ea2e8ddb5665e", HuntControl.TriggerId(HuntTrigger.Settings, "UrlDomain new-bad.example", Now));
    }

    [Fact]
    public async Task Report_UnknownHunt_IsNull()
    {
        Assert.Null(await _fixture.Control().ReportAsync("no-such-hunt", CancellationToken.None));
    }

    [Fact]
    public async Task Report_KnownHunt_HoldsItsDefinitionProgressAndFindings()
    {
        var hunt = await _fixture.CreateAsync(Indicator.UrlDomain("later-bad.example"));
        var progress = new HuntProgress("next-page", 2, 40, 3, null);
        await _fixture.Hunts.SaveProgressAsync(hunt.Id, progress, CancellationToken.None);
        await _fixture.Hunts.AddFindingAsync(hunt.Id, Finding("content|a", true, "campaign-a", _fixture.Alice, "m1"), CancellationToken.None);

        var report = await _fixture.Control().ReportAsync(hunt.Id, CancellationToken.None);

        Assert.NotNull(report);
        Assert.Equal((hunt, progress), (report.Hunt, report.Progress));
        Assert.Equal(("content|a", "campaign-a", "m1", "HUNTED_CONTENT"), report.Findings.Select(f => (f.Key, f.CampaignId, f.MessageId, string.Join(',', f.Rules))).Single());
    }

    [Fact]
    public async Task Restore_UnknownHunt_IsNullAndTouchesNothing()
    {
        await _fixture.Hunts.AddFindingAsync("no-such-hunt", Finding("content|a", true, "campaign-a", _fixture.Alice, "m1"), CancellationToken.None);

        Assert.Null(await _fixture.Control().RestoreAsync("no-such-hunt", HuntFixture.Analyst, CancellationToken.None));
        Assert.Null(_fixture.Campaigns.StatusSetBy("campaign-a", CampaignStatus.Released));
    }

    [Fact]
    public async Task Restore_PutsBackEveryCampaignTheHuntRemediatedOnceAndReleasesIt()
    {
        var hunt = await _fixture.CreateAsync(Indicator.UrlDomain("later-bad.example"));
        var alices = await RemediatedAsync("campaign-a", _fixture.Alice);
        var bobs = await RemediatedAsync("campaign-b", _fixture.Bob);
        var carols = await RemediatedAsync("campaign-c", _fixture.Carol);
        var purged = await RemediatedAsync("campaign-a", _fixture.Bob);
        await _fixture.Mailboxes.SoftDeleteAsync(_fixture.Bob, purged, CancellationToken.None);
        _fixture.Mailboxes.PurgeRecoverableItems(_fixture.Bob);
        await _fixture.Audit.SaveAsync(new AuditRecord("campaign-b", _fixture.Carol, "failed-copy", "Quarantine", null, AuditOutcome.Failed, ["R1"], Now), CancellationToken.None);
        // Two findings in one campaign restore it once; a finding judged clean remediated nothing.
        await _fixture.Hunts.AddFindingAsync(hunt.Id, Finding("copy|a1", true, "campaign-a", _fixture.Alice, alices), CancellationToken.None);
        await _fixture.Hunts.AddFindingAsync(hunt.Id, Finding("copy|a2", true, "campaign-a", _fixture.Bob, purged), CancellationToken.None);
        await _fixture.Hunts.AddFindingAsync(hunt.Id, Finding("content|b", true, "campaign-b", _fixture.Bob, bobs), CancellationToken.None);
        await _fixture.Hunts.AddFindingAsync(hunt.Id, Finding("content|c", false, "campaign-c", _fixture.Carol, carols), CancellationToken.None);
        _fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await _fixture.Control().RestoreAsync(hunt.Id, HuntFixture.Analyst, CancellationToken.None);

        Assert.Equal(new RestoreResult(Restored: 2, Skipped: 1, Gone: 1, Failed: 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _fixture.Mailboxes.FolderNameOf(_fixture.Alice, alices));
        Assert.Equal(WellKnownFolders.Inbox, _fixture.Mailboxes.FolderNameOf(_fixture.Bob, bobs));
        Assert.Equal("Quarantine", _fixture.Mailboxes.FolderNameOf(_fixture.Carol, carols));
        Assert.Equal(
            (AuditOutcome.Restored, AuditOutcome.Restored, AuditOutcome.Gone, AuditOutcome.Remediated),
            (await OutcomeAsync("campaign-a", _fixture.Alice, alices), await OutcomeAsync("campaign-b", _fixture.Bob, bobs),
                await OutcomeAsync("campaign-a", _fixture.Bob, purged), await OutcomeAsync("campaign-c", _fixture.Carol, carols)));
        Assert.Equal((HuntFixture.Analyst, Now.AddMinutes(5)), _fixture.Campaigns.StatusSetBy("campaign-a", CampaignStatus.Released));
        Assert.Equal((HuntFixture.Analyst, Now.AddMinutes(5)), _fixture.Campaigns.StatusSetBy("campaign-b", CampaignStatus.Released));
        Assert.Null(_fixture.Campaigns.StatusSetBy("campaign-c", CampaignStatus.Released));
    }

    [Fact]
    public async Task Restore_HuntThatFoundNothingMalicious_RestoresNothing()
    {
        var hunt = await _fixture.CreateAsync(Indicator.UrlDomain("later-bad.example"));
        await _fixture.Hunts.AddFindingAsync(hunt.Id, Finding("content|c", false, "campaign-c", _fixture.Carol, "m1"), CancellationToken.None);

        Assert.Equal(new RestoreResult(0, 0, 0, 0), await _fixture.Control().RestoreAsync(hunt.Id, HuntFixture.Analyst, CancellationToken.None));
        Assert.Null(_fixture.Campaigns.StatusSetBy("campaign-c", CampaignStatus.Released));
    }

    // A copy the campaign stage moved to quarantine, with the audit record that says where it came from.
    private async Task<string> RemediatedAsync(string campaignId, string mailboxId)
    {
        var quarantine = await _fixture.Mailboxes.EnsureHiddenFolderAsync(mailboxId, "Quarantine", CancellationToken.None);
        var messageId = _fixture.Mailboxes.AddMessage(mailboxId, HuntFixture.Update(1), quarantine);
        var inbox = await _fixture.Mailboxes.GetFolderIdAsync(mailboxId, WellKnownFolders.Inbox, CancellationToken.None);
        await _fixture.Audit.SaveAsync(new AuditRecord(campaignId, mailboxId, messageId, "Quarantine", inbox, AuditOutcome.Remediated, ["R1"], Now), CancellationToken.None);
        return messageId;
    }

    private async Task<AuditOutcome?> OutcomeAsync(string campaignId, string mailboxId, string messageId) =>
        (await _fixture.Audit.FindAsync(campaignId, mailboxId, messageId, CancellationToken.None))?.Outcome;

    private static HuntFinding Finding(string key, bool malicious, string campaignId, string mailboxId, string messageId) =>
        new(key, malicious, campaignId, malicious ? "Phishing" : "Clean", malicious ? 22.5 : 2.5, malicious ? ["HUNTED_CONTENT"] : [], mailboxId, messageId);
}
