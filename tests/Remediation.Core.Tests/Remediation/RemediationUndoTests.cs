using Microsoft.Extensions.Logging.Abstractions;
using Remediation.Core.Audit;
using Remediation.Core.Campaigns;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Tests.Remediation;

/// <summary>The SOC's undo on the in-memory twins: copies go back where the audit trail says they were, and each restore is recorded with who asked.</summary>
public sealed class RemediationUndoTests
{
    private const string Actor = "soc.analyst@contoso.example";
    private const string GoneDetail = "the copy no longer exists (a soft-deleted copy is purged once the mailbox's deleted-item retention, 14 days by default, has passed)";
    private readonly RemediationFixture _f = new();
    private readonly StatusChanges _campaigns = new();

    [Fact]
    public async Task Restore_WholeCampaign_PutsEveryCopyBackRecordsTheActorAndReleasesTheCampaign()
    {
        var (job, copies) = await RemediatedAsync(RemediationAction.Quarantine, 2);
        _f.Clock.Advance(TimeSpan.FromHours(2));

        var result = await Undo().RestoreAsync(new RestoreRequest(job.CampaignId), Actor, CancellationToken.None);

        Assert.Equal(new RestoreResult(2, 0, 0, 0), result);
        foreach (var copy in copies)
        {
            Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
            var record = await _f.RecordAsync(job, copy);
            Assert.Equal(AuditOutcome.Restored, record?.Outcome);
            Assert.Equal(Actor, record?.Actor);
            Assert.Equal(RemediationFixture.Now.AddHours(2), record?.At);
        }
        Assert.Equal([(job.CampaignId, CampaignStatus.Released, Actor)], _campaigns.Changes);
        Assert.Equal(new Dictionary<string, string>
        {
            [PipelineEventProperties.CampaignId] = job.CampaignId,
            [PipelineEventProperties.MailboxId] = "",
            [PipelineEventProperties.MessageId] = "",
            [PipelineEventProperties.Count] = "2",
            [PipelineEventProperties.Reason] = "",
            [PipelineEventProperties.Actor] = Actor,
        }, Assert.Single(_f.Telemetry.Events(PipelineEvents.CampaignRestored)));
    }

    [Fact]
    public async Task Restore_SoftDeletedCopy_ComesBackFromRecoverableItems()
    {
        var (job, copies) = await RemediatedAsync(RemediationAction.SoftDelete, 1);

        var result = await Undo().RestoreAsync(new RestoreRequest(job.CampaignId), Actor, CancellationToken.None);

        Assert.Equal(new RestoreResult(1, 0, 0, 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copies[0]));
    }

    [Fact]
    public async Task Restore_OneMailbox_RestoresItsCopiesOnlyAndKeepsTheCampaign()
    {
        var (job, copies) = await RemediatedAsync(RemediationAction.Quarantine, 1);
        var bob = _f.Mailboxes.AddMailbox($"bob@{Scanning.TestMail.Domain}");
        var bobsCopy = _f.Mailboxes.AddMessage(bob, RemediationFixture.Lure("lure@login-verify.example"));
        await _f.Remediator().RemediateAsync(job with { Mailboxes = [new(bob, [bobsCopy], [])] }, CancellationToken.None);

        var result = await Undo().RestoreAsync(new RestoreRequest(job.CampaignId, bob.ToUpperInvariant()), Actor, CancellationToken.None);

        Assert.Equal(new RestoreResult(1, 0, 0, 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(bob, bobsCopy));
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copies[0]));
        Assert.Empty(_campaigns.Changes);
        var restored = Assert.Single(_f.Telemetry.Events(PipelineEvents.CampaignRestored));
        Assert.Equal(bob.ToUpperInvariant(), restored[PipelineEventProperties.MailboxId]);
    }

    [Fact]
    public async Task Restore_OneCopy_RestoresThatCopyOnly()
    {
        var (job, copies) = await RemediatedAsync(RemediationAction.Quarantine, 2);

        var result = await Undo().RestoreAsync(new RestoreRequest(job.CampaignId, _f.Alice, copies[1]), Actor, CancellationToken.None);

        Assert.Equal(new RestoreResult(1, 0, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copies[0]));
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copies[1]));
        Assert.Empty(_campaigns.Changes);
        Assert.Equal(copies[1], Assert.Single(_f.Telemetry.Events(PipelineEvents.CampaignRestored))[PipelineEventProperties.MessageId]);
    }

    [Theory]
    [InlineData(AuditOutcome.ReportOnly, "inbox-id")]
    [InlineData(AuditOutcome.HeldByBreaker, "inbox-id")]
    [InlineData(AuditOutcome.Restored, "inbox-id")]
    [InlineData(AuditOutcome.Remediated, null)]
    public async Task Restore_CopyNotRemediatedOrWithoutItsFolder_IsSkipped(AuditOutcome outcome, string? originalFolderId)
    {
        var copy = _f.Deliver();
        await _f.Audit.SaveAsync(new AuditRecord("campaign-1", _f.Alice, copy, "Quarantine", originalFolderId, outcome, ["R1"], RemediationFixture.Now), CancellationToken.None);

        var result = await Undo().RestoreAsync(new RestoreRequest("campaign-1"), Actor, CancellationToken.None);

        Assert.Equal(new RestoreResult(0, 1, 0, 0), result);
        Assert.Equal(0, _f.Mailboxes.Moves);
        Assert.Equal(outcome, (await _f.Audit.FindAsync("campaign-1", _f.Alice, copy, CancellationToken.None))?.Outcome);
    }

    [Fact]
    public async Task Restore_CopyPurgedSinceItsSoftDelete_IsRecordedGoneAndSaidSo()
    {
        var (job, copies) = await RemediatedAsync(RemediationAction.SoftDelete, 1);
        _f.Mailboxes.PurgeRecoverableItems(_f.Alice);
        _f.Clock.Advance(TimeSpan.FromDays(15));

        var result = await Undo().RestoreAsync(new RestoreRequest(job.CampaignId), Actor, CancellationToken.None);

        Assert.Equal(new RestoreResult(0, 0, 1, 0), result);
        var record = await _f.RecordAsync(job, copies[0]);
        Assert.Equal(AuditOutcome.Gone, record?.Outcome);
        Assert.Equal(Actor, record?.Actor);
        Assert.Equal(GoneDetail, record?.Detail);
        Assert.Equal(RemediationFixture.Now.AddDays(15), record?.At);
        var restored = Assert.Single(_f.Telemetry.Events(PipelineEvents.CampaignRestored));
        Assert.Equal("0", restored[PipelineEventProperties.Count]);
        Assert.Equal($"1 copies could not be restored: {GoneDetail}", restored[PipelineEventProperties.Reason]);
    }

    [Fact]
    public async Task Restore_CopyWhoseFolderWasDeletedSince_GoesBackToTheInboxAndSaysSo()
    {
        var projects = _f.Mailboxes.AddFolder(_f.Alice, "Projects");
        var copy = _f.Deliver(projects);
        var job = _f.Job(RemediationAction.Quarantine, copy) with { Approved = true };
        await _f.Remediator().RemediateAsync(job, CancellationToken.None);
        _f.Mailboxes.DeleteFolder(_f.Alice, projects);

        var result = await Undo().RestoreAsync(new RestoreRequest(job.CampaignId), Actor, CancellationToken.None);

        Assert.Equal(new RestoreResult(1, 0, 0, 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        var record = await _f.RecordAsync(job, copy);
        Assert.Equal(AuditOutcome.Restored, record?.Outcome);
        Assert.Equal(projects, record?.OriginalFolderId);
        Assert.Equal($"Its folder ({projects}) no longer exists: put back in the Inbox.", record?.Detail);
    }

    [Fact]
    public async Task Restore_MoveFails_CountsItFailedLeavesTheRecordAndGoesOn()
    {
        var (job, copies) = await RemediatedAsync(RemediationAction.Quarantine, 2);
        _f.Mailboxes.FailActionsOn(copies[0], new IOException("refused"));

        var result = await Undo().RestoreAsync(new RestoreRequest(job.CampaignId), Actor, CancellationToken.None);

        Assert.Equal(new RestoreResult(1, 0, 0, 1), result);
        Assert.Equal(AuditOutcome.Remediated, (await _f.RecordAsync(job, copies[0]))?.Outcome);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copies[1]));
        Assert.Equal([(job.CampaignId, CampaignStatus.Released, Actor)], _campaigns.Changes);
    }

    [Fact]
    public async Task Restore_Cancelled_Stops()
    {
        var (job, copies) = await RemediatedAsync(RemediationAction.Quarantine, 1);
        _f.Mailboxes.FailActionsOn(copies[0], new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => Undo().RestoreAsync(new RestoreRequest(job.CampaignId), Actor, CancellationToken.None));

        Assert.Empty(_campaigns.Changes);
    }

    private RemediationUndo Undo() => new(_f.Audit, _f.Mailboxes, _campaigns, _f.Telemetry, _f.Clock, NullLogger<RemediationUndo>.Instance);

    private async Task<(RemediationJob Job, string[] Copies)> RemediatedAsync(RemediationAction action, int count)
    {
        var copies = Enumerable.Range(0, count).Select(_ => _f.Deliver()).ToArray();
        var job = _f.Job(action, copies) with { Approved = true };
        Assert.Equal(new RemediationResult(count, 0, 0), await _f.Remediator().RemediateAsync(job, CancellationToken.None));
        return (job, copies);
    }

    /// <summary>Keeps the statuses a person set; the undo asks nothing else of the campaign store.</summary>
    private sealed class StatusChanges : ICampaignStore
    {
        public List<(string CampaignId, CampaignStatus Status, string Actor)> Changes { get; } = [];

        public Task SetStatusAsync(string campaignId, CampaignStatus status, string actor, CancellationToken cancellationToken)
        {
            Changes.Add((campaignId, status, actor));
            return Task.CompletedTask;
        }

        public Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<(Campaign Campaign, bool Created)> GetOrAddAsync(Campaign campaign, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryHoldAsync(string campaignId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryPromoteAsync(string campaignId, MaliciousMessage seed, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryActivateAsync(string campaignId, MaliciousMessage seed, double floor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlySet<DispatchedWork>> DispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> candidates, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlySet<string>> ReachedAsync(string campaignId, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> ExtendReachAsync(string campaignId, IReadOnlyCollection<string> mailboxIds, int cap, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ForgetDispatchedAsync(string campaignId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MarkDispatchedAsync(string campaignId, IReadOnlyCollection<DispatchedWork> work, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
