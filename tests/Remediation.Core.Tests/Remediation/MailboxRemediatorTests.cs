using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Remediation.Core.Audit;
using Remediation.Core.Breakers;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;
using Remediation.Core.Telemetry;
using Remediation.Core.Tests.Scanning;

namespace Remediation.Core.Tests.Remediation;

/// <summary>
/// The remediation stage's decisions on the in-memory twins: every copy is claimed in the audit trail before it is
/// touched and its outcome saved after, with the folder it came from, so any action can be undone and a replay changes nothing.
/// </summary>
public sealed class MailboxRemediatorTests
{
    private readonly RemediationFixture _f = new();

    [Fact]
    public async Task Remediate_Quarantine_MovesTheCopyToTheHiddenFolderAndAuditsWhereItWas()
    {
        var copy = _f.Deliver();
        var inbox = await _f.FolderIdAsync(WellKnownFolders.Inbox);
        var job = _f.Job(RemediationAction.Quarantine, copy);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        var record = await _f.RecordAsync(job, copy);
        Assert.NotNull(record);
        Assert.Equal(new AuditRecord(job.CampaignId, _f.Alice, copy, "Quarantine", inbox, AuditOutcome.Remediated, record.Rules, RemediationFixture.Now), record);
        Assert.Equal(["R1", "R2"], record.Rules);
    }

    [Fact]
    public async Task Remediate_Quarantine_KeepsTheQuarantineFolderForEveryInstance()
    {
        var copy = _f.Deliver();

        await _f.Remediator().RemediateAsync(_f.Job(RemediationAction.Quarantine, copy), CancellationToken.None);

        Assert.Equal(await _f.QuarantineIdAsync(), await _f.KeptQuarantineIdAsync());
    }

    [Fact]
    public async Task Remediate_QuarantineFolderAnotherInstanceKept_MovesThereWithoutMakingOne()
    {
        var kept = _f.Mailboxes.AddFolder(_f.Alice, "Kept by another instance");
        await _f.HiddenFolders.SaveAsync(_f.Options.QuarantineFolderName, new Dictionary<string, string> { [_f.Alice] = kept }, CancellationToken.None);
        var copy = _f.Deliver();

        Assert.Equal(new RemediationResult(1, 0, 0), await _f.Remediator().RemediateAsync(_f.Job(RemediationAction.Quarantine, copy), CancellationToken.None));

        Assert.Equal("Kept by another instance", _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    [Fact]
    public async Task Remediate_KeptQuarantineFolderDeleted_FailsOnceThenQuarantinesInAFolderMadeAgain()
    {
        var kept = _f.Mailboxes.AddFolder(_f.Alice, "Deleted since");
        await _f.HiddenFolders.SaveAsync(_f.Options.QuarantineFolderName, new Dictionary<string, string> { [_f.Alice] = kept }, CancellationToken.None);
        _f.Mailboxes.DeleteFolder(_f.Alice, kept);
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);

        await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));
        Assert.Null(await _f.KeptQuarantineIdAsync());
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));

        Assert.Equal(new RemediationResult(1, 0, 0), await _f.Remediator().RemediateAsync(job, CancellationToken.None));
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Equal(await _f.QuarantineIdAsync(), await _f.KeptQuarantineIdAsync());
    }

    [Fact]
    public async Task Remediate_QuarantineNameHeldByAFolderTheUserSees_MovesTheCopyIntoAHiddenFolderInstead()
    {
        // An appender made the folder over IMAP, to be handed the lures it planted where the user reads them.
        var namesake = _f.Mailboxes.AddFolder(_f.Alice, _f.Options.QuarantineFolderName);
        var copy = _f.Deliver();

        await _f.Remediator().RemediateAsync(_f.Job(RemediationAction.Quarantine, copy), CancellationToken.None);

        var folder = (await _f.Mailboxes.GetLocationAsync(_f.Alice, copy, CancellationToken.None))!.ParentFolderId;
        Assert.NotEqual(namesake, folder);
        Assert.True(_f.Mailboxes.IsHidden(_f.Alice, folder));
    }

    [Fact]
    public async Task Remediate_QuarantineFolderCannotBeKept_TheCopyIsStillQuarantinedAndTheOperatorIsTold()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);
        var logger = new RecordingLogger<MailboxRemediator>();

        var result = await RemediatorOver(_f.Mailboxes, logger, new UnwritableHiddenFolderIds(_f.HiddenFolders)).RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Contains($"Campaign {job.CampaignId}: the quarantine folder ids of 1 mailboxes could not be kept; the next job in each asks Graph for its folder", logger.Messages);
    }

    [Fact]
    public async Task Remediate_DeletedQuarantineFolderCannotBeForgotten_TheOperatorIsToldAndTheRetryFailsOnceMore()
    {
        var kept = _f.Mailboxes.AddFolder(_f.Alice, "Deleted since");
        await _f.HiddenFolders.SaveAsync(_f.Options.QuarantineFolderName, new Dictionary<string, string> { [_f.Alice] = kept }, CancellationToken.None);
        _f.Mailboxes.DeleteFolder(_f.Alice, kept);
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);
        var logger = new RecordingLogger<MailboxRemediator>();
        var remediator = RemediatorOver(_f.Mailboxes, logger, new UnwritableHiddenFolderIds(_f.HiddenFolders));

        await Assert.ThrowsAsync<RemediationFailedException>(() => remediator.RemediateAsync(job, CancellationToken.None));
        await Assert.ThrowsAsync<RemediationFailedException>(() => remediator.RemediateAsync(job, CancellationToken.None));

        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Contains($"Campaign {job.CampaignId}: the deleted quarantine folder of mailbox {_f.Alice} could not be forgotten; the next job's move there fails once more", logger.Messages);
    }

    [Theory]
    [InlineData(RemediationAction.MoveToJunk)]
    [InlineData(RemediationAction.SoftDelete)]
    public async Task Remediate_OtherActions_KeepNoQuarantineFolder(RemediationAction action)
    {
        await _f.Remediator().RemediateAsync(_f.Job(action, _f.Deliver()), CancellationToken.None);

        Assert.Null(await _f.KeptQuarantineIdAsync());
    }

    [Fact]
    public async Task Remediate_MoveToJunk_MovesTheCopyToJunkEmail()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.MoveToJunk, copy);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(WellKnownFolders.JunkEmail, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Equal("MoveToJunk", (await _f.RecordAsync(job, copy))?.Action);
    }

    [Theory]
    [InlineData(RemediationAction.Quarantine)]
    [InlineData(RemediationAction.SoftDelete)]
    public async Task Remediate_PhishingInvitation_ItsMeetingLeavesTheCalendarAndTheAuditSaysSo(RemediationAction action)
    {
        var invitation = _f.DeliverInvitation();
        var job = _f.Job(action, invitation);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Empty(_f.Mailboxes.CalendarEntriesOf(_f.Alice));
        Assert.NotEqual(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, invitation));
        Assert.StartsWith("Its meeting was declined", (await _f.RecordAsync(job, invitation))?.Detail);
        Assert.StartsWith("Its meeting was declined", Assert.Single(_f.Telemetry.Events(PipelineEvents.MessageRemediated))[PipelineEventProperties.Detail]);
    }

    [Fact]
    public async Task Remediate_InvitationToJunk_ItsMeetingStaysWithTheRequestInTheUsersReach()
    {
        var invitation = _f.DeliverInvitation();
        var job = _f.Job(RemediationAction.MoveToJunk, invitation);

        await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal([invitation], _f.Mailboxes.CalendarEntriesOf(_f.Alice));
        Assert.Null((await _f.RecordAsync(job, invitation))?.Detail);
    }

    [Fact]
    public async Task Remediate_InvitationWithoutCalendarPermission_IsStillQuarantinedAndTheAuditSaysTheMeetingStays()
    {
        var invitation = _f.DeliverInvitation();
        _f.Mailboxes.DenyCalendarAccess();
        var job = _f.Job(RemediationAction.Quarantine, invitation);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, invitation));
        Assert.Equal([invitation], _f.Mailboxes.CalendarEntriesOf(_f.Alice));
        Assert.Contains("Calendars.ReadWrite", (await _f.RecordAsync(job, invitation))?.Detail);
    }

    [Fact]
    public async Task Remediate_DeclineFails_TheRequestStaysForTheRetryWhichDeclinesAndMovesIt()
    {
        var invitation = _f.DeliverInvitation();
        var job = _f.Job(RemediationAction.Quarantine, invitation);
        _f.Mailboxes.FailActionsOn(invitation, new IOException("calendar unavailable"));

        await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, invitation));

        _f.Mailboxes.FailActionsOn(invitation, null);
        var retried = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), retried);
        Assert.Empty(_f.Mailboxes.CalendarEntriesOf(_f.Alice));
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, invitation));
    }

    [Fact]
    public async Task Remediate_SoftDelete_DeletesTheCopyWithoutMovingIt()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.SoftDelete, copy);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(InMemoryMailboxGateway.RecoverableItemsDeletions, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Equal(0, _f.Mailboxes.Moves);
        var record = await _f.RecordAsync(job, copy);
        Assert.Equal(AuditOutcome.Remediated, record?.Outcome);
        Assert.Equal(await _f.FolderIdAsync(WellKnownFolders.Inbox), record?.OriginalFolderId);
    }

    [Fact]
    public async Task Remediate_ReportOnly_RecordsTheCopyAndTouchesNothing()
    {
        _f.Options.MaxUnapprovedMovesPerHour = 0;
        var copy = _f.Deliver();
        var job = _f.Job(null, copy);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        var record = await _f.RecordAsync(job, copy);
        Assert.Equal(AuditOutcome.ReportOnly, record?.Outcome);
        Assert.Equal("ReportOnly", record?.Action);
        Assert.Empty(_f.Telemetry.Events(PipelineEvents.CircuitBreakerTripped));
        Assert.Equal("ReportOnly", Assert.Single(_f.Telemetry.Events(PipelineEvents.MessageRemediated))[PipelineEventProperties.Outcome]);
    }

    [Fact]
    public async Task Remediate_RemediatedCopy_EmitsTheEventWithWhatTheSocNeeds()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);

        await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        var remediated = Assert.Single(_f.Telemetry.Events(PipelineEvents.MessageRemediated));
        Assert.Equal(new Dictionary<string, string>
        {
            [PipelineEventProperties.CampaignId] = job.CampaignId,
            [PipelineEventProperties.MailboxId] = _f.Alice,
            [PipelineEventProperties.MessageId] = copy,
            [PipelineEventProperties.Rules] = "R1,R2",
            [PipelineEventProperties.Outcome] = "Remediated",
            [PipelineEventProperties.SecondsSinceNotified] = "90",
            [PipelineEventProperties.Detail] = "",
        }, remediated);
    }

    // Junk is where MoveToJunk puts a copy, not where a soft delete does: a copy the user's filter put there still
    // costs a unit of the cap to delete.
    [Fact]
    public async Task Remediate_SoftDeleteOfACopyInJunkWithTheCapSpent_IsHeld()
    {
        _f.Options.MaxUnapprovedMovesPerHour = 0;
        var copy = _f.Deliver(await _f.FolderIdAsync(WellKnownFolders.JunkEmail));
        var job = _f.Job(RemediationAction.SoftDelete, copy);

        await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(AuditOutcome.HeldByBreaker, (await _f.RecordAsync(job, copy))?.Outcome);
        Assert.Equal(WellKnownFolders.JunkEmail, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    [Theory]
    [InlineData(RemediationAction.Quarantine)]
    [InlineData(RemediationAction.MoveToJunk)]
    public async Task Remediate_CopyAlreadyInTheDestination_IsRecordedWithoutAMoveOrACharge(RemediationAction action)
    {
        _f.Options.MaxUnapprovedMovesPerHour = 0;
        var destination = action == RemediationAction.Quarantine ? await _f.QuarantineIdAsync() : await _f.FolderIdAsync(WellKnownFolders.JunkEmail);
        var copy = _f.Deliver(destination);
        var job = _f.Job(action, copy);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(0, _f.Mailboxes.Moves);
        Assert.Equal(destination, (await _f.RecordAsync(job, copy))?.OriginalFolderId);
        Assert.Equal(AuditOutcome.Remediated, (await _f.RecordAsync(job, copy))?.Outcome);
        Assert.Empty(_f.Telemetry.Events(PipelineEvents.CircuitBreakerTripped));
    }

    [Theory]
    [InlineData(RemediationAction.Quarantine)]
    [InlineData(RemediationAction.SoftDelete)]
    public async Task Remediate_CopyGoneBeforeTheAction_IsAuditedGoneAndCountedDone(RemediationAction action)
    {
        var copy = _f.Deliver();
        _f.Mailboxes.VanishBeforeAction(copy);
        var job = _f.Job(action, copy);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 1, 0), result);
        Assert.Equal(AuditOutcome.Gone, (await _f.RecordAsync(job, copy))?.Outcome);
        Assert.Empty(_f.Telemetry.Events(PipelineEvents.MessageRemediated));
    }

    [Fact]
    public async Task Remediate_CopyNoLongerThere_IsNeitherClaimedNorCounted()
    {
        var job = _f.Job(RemediationAction.Quarantine, "message-that-is-gone");

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
        Assert.Empty(await _f.Audit.ListAsync(job.CampaignId, null, CancellationToken.None));
    }

    [Fact]
    public async Task Remediate_UnapprovedBeyondTheHourlyCap_HoldsTheRestWhereTheyAre()
    {
        _f.Options.MaxUnapprovedMovesPerHour = 1;
        var first = _f.Deliver();
        var second = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, first, second);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 1, 0), result);
        Assert.Equal(1, _f.Mailboxes.Moves);
        Assert.Equal(AuditOutcome.Remediated, (await _f.RecordAsync(job, first))?.Outcome);
        Assert.Equal(AuditOutcome.HeldByBreaker, (await _f.RecordAsync(job, second))?.Outcome);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, second));
        var tripped = Assert.Single(_f.Telemetry.Events(PipelineEvents.CircuitBreakerTripped));
        Assert.Equal("UnapprovedMoves", tripped[PipelineEventProperties.Breaker]);
        Assert.Equal("1", tripped[PipelineEventProperties.Limit]);
        Assert.Single(_f.Telemetry.Events(PipelineEvents.MessageRemediated));
    }

    // An appender floods one stolen mailbox with lures, each a campaign of its own: past the mailbox's share of the
    // hour its seeds are held, and the tenant's budget is left for the next campaign in every other mailbox.
    [Fact]
    public async Task Remediate_AppendedSeedsFloodingOneMailbox_SpendOnlyTheMailboxsShare()
    {
        (_f.Options.MaxUnapprovedMovesPerMailboxPerHour, _f.Options.MaxUnapprovedMovesPerHour) = (2, 10);
        var remediator = _f.Remediator();
        var flood = Enumerable.Range(0, 4).Select(_ => AppendedSeedJob(_f.Alice, _f.Deliver())).ToList();
        foreach (var job in flood) await remediator.RemediateAsync(job, CancellationToken.None);
        var bob = _f.Mailboxes.AddMailbox($"bob@{TestMail.Domain}");
        var next = AppendedSeedJob(bob, _f.Mailboxes.AddMessage(bob, RemediationFixture.Lure($"{Guid.NewGuid():N}@login-verify.example"), WellKnownFolders.Inbox));
        // A copy in the flooded mailbox that is not its campaign's seed is the tenant's to pay for.
        var fanOut = _f.Job(RemediationAction.Quarantine, _f.Deliver()) with { Rules = [TransportBypassRule.Name] };

        await remediator.RemediateAsync(next, CancellationToken.None);
        await remediator.RemediateAsync(fanOut, CancellationToken.None);

        Assert.Equal([AuditOutcome.Remediated, AuditOutcome.Remediated, AuditOutcome.HeldByBreaker, AuditOutcome.HeldByBreaker],
            await Task.WhenAll(flood.Select(async job => (await _f.RecordAsync(job, job.SeedMessageId!))!.Outcome)));
        Assert.Equal(AuditOutcome.Remediated, (await _f.Audit.FindAsync(next.CampaignId, bob, next.SeedMessageId!, CancellationToken.None))?.Outcome);
        Assert.Equal(AuditOutcome.Remediated, (await _f.RecordAsync(fanOut, fanOut.Mailboxes[0].MessageIds[0]))?.Outcome);
        var tripped = Assert.Single(_f.Telemetry.Events(PipelineEvents.CircuitBreakerTripped));
        Assert.Equal($"UnapprovedMoves|{_f.Alice}", tripped[PipelineEventProperties.Breaker]);
    }

    private RemediationJob AppendedSeedJob(string mailboxId, string messageId) =>
        new($"campaign-{Guid.NewGuid():N}", [new MailboxCopies(mailboxId, [messageId], [])], RemediationAction.Quarantine,
            [TransportBypassRule.Name, "CREDENTIAL_LURE"], _f.Clock.GetUtcNow(), SeedMessageId: messageId);

    [Fact]
    public async Task Remediate_HeldCopyOnceApproved_IsClaimedAgainAndMoved()
    {
        _f.Options.MaxUnapprovedMovesPerHour = 0;
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);
        var remediator = _f.Remediator();
        Assert.Equal(new RemediationResult(0, 1, 0), await remediator.RemediateAsync(job, CancellationToken.None));

        var result = await remediator.RemediateAsync(job with { Approved = true }, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Equal(AuditOutcome.Remediated, (await _f.RecordAsync(job, copy))?.Outcome);
    }

    [Theory]
    [InlineData(RemediationAction.Quarantine)]
    [InlineData(RemediationAction.SoftDelete)]
    public async Task Remediate_ApprovedCampaign_IsNotCappedNorCharged(RemediationAction action)
    {
        _f.Options.MaxUnapprovedMovesPerHour = 0;
        var copy = _f.Deliver();
        var job = _f.Job(action, copy) with { Approved = true };

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Empty(_f.Telemetry.Events(PipelineEvents.CircuitBreakerTripped));
    }

    [Fact]
    public async Task Remediate_UnapprovedSoftDeleteBeyondTheCap_IsHeld()
    {
        _f.Options.MaxUnapprovedMovesPerHour = 0;
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.SoftDelete, copy);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 1, 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Equal(AuditOutcome.HeldByBreaker, (await _f.RecordAsync(job, copy))?.Outcome);
    }

    [Fact]
    public async Task Remediate_CopyInPlaceNextToOneToMove_CostsTheCapNothing()
    {
        _f.Options.MaxUnapprovedMovesPerHour = 1;
        var inPlace = _f.Deliver(await _f.QuarantineIdAsync());
        var toMove = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, inPlace, toMove);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(2, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, toMove));
        Assert.Empty(_f.Telemetry.Events(PipelineEvents.CircuitBreakerTripped));
    }

    [Fact]
    public async Task Remediate_ClaimFails_MovesNothingAndFailsTheJob()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);

        await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator(new ClaimsFail(_f.Audit)).RemediateAsync(job, CancellationToken.None));

        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Empty(_f.Telemetry.Events(PipelineEvents.MessageRemediated));
        Assert.Equal("The audit table did not answer.", Assert.Single(_f.Telemetry.Events(PipelineEvents.RemediationFailed))[PipelineEventProperties.Outcome]);
        var record = await _f.RecordAsync(job, copy);
        Assert.Equal(AuditOutcome.Failed, record?.Outcome);
        Assert.Equal(await _f.FolderIdAsync(WellKnownFolders.Inbox), record?.OriginalFolderId);
    }

    [Fact]
    public async Task Remediate_ClaimFailsForACopyTheSocRestored_KeepsItRestoredSoNoRetryMovesItAgain()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);
        var inbox = await _f.FolderIdAsync(WellKnownFolders.Inbox);
        await _f.Audit.SaveAsync(new AuditRecord(job.CampaignId, _f.Alice, copy, "Quarantine", inbox, AuditOutcome.Restored, job.Rules, RemediationFixture.Now, Actor: "analyst@contoso.example"), CancellationToken.None);

        await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator(new ClaimsFail(_f.Audit)).RemediateAsync(job, CancellationToken.None));
        var retried = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(AuditOutcome.Restored, (await _f.RecordAsync(job, copy))?.Outcome);
        Assert.Equal(new RemediationResult(0, 1, 0), retried);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    [Fact]
    public async Task Remediate_ClaimFailsInAReportOnlyJob_RecordsTheFailureAsReportOnly()
    {
        var copy = _f.Deliver();
        var job = _f.Job(null, copy);

        await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator(new ClaimsFail(_f.Audit)).RemediateAsync(job, CancellationToken.None));

        Assert.Equal("ReportOnly", (await _f.RecordAsync(job, copy))?.Action);
    }

    [Fact]
    public async Task Remediate_CopyClaimedByAnotherJob_IsLeftToThatJob()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);
        await _f.Audit.SaveAsync(Pending(job, copy, "inbox-elsewhere", RemediationFixture.Now.AddMinutes(-5)), CancellationToken.None);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 1, 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Equal(AuditOutcome.Pending, (await _f.RecordAsync(job, copy))?.Outcome);
        Assert.Empty(_f.Telemetry.Events(PipelineEvents.MessageRemediated));
    }

    [Fact]
    public async Task Remediate_ClaimOfAJobThatDied_IsTakenOverKeepingTheFirstOriginalFolder()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);
        await _f.Audit.SaveAsync(Pending(job, copy, "where-it-first-was", RemediationFixture.Now.AddMinutes(-5).AddSeconds(-1)), CancellationToken.None);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Equal("where-it-first-was", (await _f.RecordAsync(job, copy))?.OriginalFolderId);
    }

    [Fact]
    public async Task Remediate_Replayed_ChangesNothing()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);
        var remediator = _f.Remediator();
        await remediator.RemediateAsync(job, CancellationToken.None);
        _f.Clock.Advance(TimeSpan.FromHours(1));

        var replay = await remediator.RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 1, 0), replay);
        Assert.Equal(1, _f.Mailboxes.Moves);
        Assert.Equal(RemediationFixture.Now, (await _f.RecordAsync(job, copy))?.At);
        Assert.Single(_f.Telemetry.Events(PipelineEvents.MessageRemediated));
    }

    [Fact]
    public async Task Remediate_CopyFoundByMessageIdWithTheCampaignsContent_IsRemediated()
    {
        var mime = RemediationFixture.Lure("lure-1@login-verify.example");
        var copy = _f.Deliver(mime: mime);
        var job = ByMessageId("<lure-1@login-verify.example>", RemediationFixture.FingerprintOf(mime));

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    // Alice sent the lure to a list she is on: her Inbox holds the copy transport brought her, and her own folders
    // hold what she wrote and sent. In a sender's mailbox the search leaves those; in anyone else's it would not.
    [Theory]
    [InlineData(true, WellKnownFolders.SentItems)]
    [InlineData(true, WellKnownFolders.Drafts)]
    [InlineData(true, WellKnownFolders.Outbox)]
    [InlineData(false, RemediationFixture.QuarantineFolder)]
    public async Task Remediate_SendersMailbox_LeavesTheSendersOwnCopyAndRemediatesTheOneDelivered(bool sendersMailbox, string ownCopyEndsIn)
    {
        var mime = RemediationFixture.Lure("lure-7@login-verify.example");
        var delivered = _f.Deliver(mime: mime);
        var own = _f.Deliver(WellKnownFolders.SentItems, mime);
        if (ownCopyEndsIn != RemediationFixture.QuarantineFolder) await _f.Mailboxes.MoveAsync(_f.Alice, own, await _f.FolderIdAsync(ownCopyEndsIn), CancellationToken.None);
        var job = ByMessageId("<lure-7@login-verify.example>", RemediationFixture.FingerprintOf(mime));
        job = job with { Mailboxes = [job.Mailboxes[0] with { SendersMailbox = sendersMailbox }] };

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(sendersMailbox ? 1 : 2, 0, 0), result);
        Assert.Equal((RemediationFixture.QuarantineFolder, ownCopyEndsIn), (_f.Mailboxes.FolderNameOf(_f.Alice, delivered), _f.Mailboxes.FolderNameOf(_f.Alice, own)));
    }

    // An outsider writes Alice's address into From and reuses the Message-ID of a message she sent: the copy in her
    // Sent Items stays as her own, and the reuse is still audited and alerted, as anywhere else.
    [Fact]
    public async Task Remediate_SendersMailbox_RealSentMessageUnderTheCampaignsMessageId_IsStillAuditedAsAMismatch()
    {
        var lure = RemediationFixture.Lure("thread-2@contoso.example");
        var sent = _f.Deliver(WellKnownFolders.SentItems, RemediationFixture.Lure("thread-2@contoso.example", "Minutes of Thursday's budget meeting, as agreed with finance."));
        var job = ByMessageId("<thread-2@contoso.example>", RemediationFixture.FingerprintOf(lure));
        job = job with { Mailboxes = [job.Mailboxes[0] with { SendersMailbox = true }] };

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
        Assert.Equal(WellKnownFolders.SentItems, _f.Mailboxes.FolderNameOf(_f.Alice, sent));
        Assert.Equal(AuditOutcome.ContentMismatch, (await _f.RecordAsync(job, sent))?.Outcome);
        Assert.Single(_f.Telemetry.Events(PipelineEvents.CopyMismatch));
    }

    [Fact]
    public async Task Remediate_NoFingerprintInTheJob_TheCampaignIdIsTheFingerprint()
    {
        var mime = RemediationFixture.Lure("lure-2@login-verify.example");
        var copy = _f.Deliver(mime: mime);
        var job = ByMessageId("<lure-2@login-verify.example>", fingerprint: null) with { CampaignId = RemediationFixture.FingerprintOf(mime) };

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    [Fact]
    public async Task Remediate_CopyFoundByIdAndByMessageId_IsRemediatedOnce()
    {
        var mime = RemediationFixture.Lure("lure-3@login-verify.example");
        var copy = _f.Deliver(mime: mime);
        var job = ByMessageId("<lure-3@login-verify.example>", RemediationFixture.FingerprintOf(mime)) with { Mailboxes = [new(_f.Alice, [copy], ["<lure-3@login-verify.example>"])] };

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Single(await _f.Audit.ListAsync(job.CampaignId, null, CancellationToken.None));
    }

    [Fact]
    public async Task Remediate_CopySharingTheMessageIdButNotTheContent_IsLeftAuditedAndAlertedOnce()
    {
        var lure = RemediationFixture.Lure("thread-1@partner.example");
        var real = RemediationFixture.Lure("thread-1@partner.example", "Minutes of Thursday's budget meeting, as agreed with finance.");
        var copy = _f.Deliver(mime: real);
        var job = ByMessageId("<thread-1@partner.example>", RemediationFixture.FingerprintOf(lure));
        var remediator = _f.Remediator();

        var result = await remediator.RemediateAsync(job, CancellationToken.None);
        var replay = await remediator.RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
        Assert.Equal(new RemediationResult(0, 0, 0), replay);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        var record = await _f.RecordAsync(job, copy);
        Assert.NotNull(record);
        Assert.Equal(AuditOutcome.ContentMismatch, record.Outcome);
        Assert.Equal(await _f.FolderIdAsync(WellKnownFolders.Inbox), record.OriginalFolderId);
        Assert.Equal("Quarantine", record.Action);
        var actual = RemediationFixture.FingerprintOf(real);
        Assert.Equal($"Shares the campaign's Message-ID but not its content (fingerprint {actual}, expected {job.Fingerprint}); left in place.", record.Detail);
        var alert = Assert.Single(_f.Telemetry.Events(PipelineEvents.CopyMismatch));
        Assert.Equal(new Dictionary<string, string>
        {
            [PipelineEventProperties.CampaignId] = job.CampaignId,
            [PipelineEventProperties.MailboxId] = _f.Alice,
            [PipelineEventProperties.MessageId] = copy,
            [PipelineEventProperties.InternetMessageId] = "<thread-1@partner.example>",
            [PipelineEventProperties.Fingerprint] = actual,
        }, alert);
    }

    // Its headers made the campaign malicious, so its copies must show them too: a real message whose words and
    // Message-ID the attacker copied under another sender stays.
    [Fact]
    public async Task Remediate_HeaderMadeCampaign_RealMessageWithItsContentUnderAnotherSender_IsLeftAndAudited()
    {
        var lure = RemediationFixture.Lure("thread-6@partner.example").Replace("IT Helpdesk <helpdesk@login-verify.example>", "Microsoft account team <helpdesk@login-verify.example>", StringComparison.Ordinal);
        var real = _f.Deliver(mime: RemediationFixture.Lure("thread-6@partner.example"));
        var job = ByMessageId("<thread-6@partner.example>", RemediationFixture.FingerprintOf(lure)) with { Letterhead = Letterhead.Of(TestMail.Parse(lure)) };

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, real));
        var record = await _f.RecordAsync(job, real);
        Assert.Equal(
            (AuditOutcome.ContentMismatch, "Shares the campaign's Message-ID and content but not its sender, reply address or subject, which made the campaign malicious; left in place."),
            (record?.Outcome, record?.Detail));
    }

    [Theory]
    [InlineData(true)]  // settled by what the search returned
    [InlineData(false)] // settled by the MIME
    public async Task Remediate_HeaderMadeCampaign_CopyShowingTheSameSenderAndSubject_IsRemediated(bool shownOnly)
    {
        var mime = RemediationFixture.Lure("lure-10@login-verify.example");
        var copy = _f.Deliver(mime: mime);
        var job = ByMessageId("<lure-10@login-verify.example>", RemediationFixture.FingerprintOf(mime)) with { Letterhead = Letterhead.Of(TestMail.Parse(mime)) };
        var mailboxes = shownOnly ? new GoneWhenFetched(_f.Mailboxes, keepShown: true) : (IMailboxGateway)_f.Mailboxes;

        var result = await RemediatorOver(mailboxes).RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    [Fact]
    public async Task Remediate_CopyShowingTheCampaignsContent_IsSettledWithoutReadingItsMime()
    {
        // Plain text, read as plain text: as HTML, "<KEEP>" would be a tag and drop out of the text.
        var mime = RemediationFixture.Lure("lure-6@login-verify.example", "Your mailbox is full. Reply <KEEP> or verify your account at https://login-verify.example/reset today.");
        var copy = _f.Deliver(mime: mime);
        var job = ByMessageId("<lure-6@login-verify.example>", RemediationFixture.FingerprintOf(mime));

        var result = await RemediatorOver(new GoneWhenFetched(_f.Mailboxes, keepShown: true)).RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    [Fact]
    public async Task Remediate_CopyShowingTheCampaignsHtml_IsSettledWithoutReadingItsMime()
    {
        var mime = WithParts("lure-8@login-verify.example", new TextPart("html")
        {
            Text = "<p>Your mailbox is full. <b>Verify your account</b> at <a href=\"https://login-verify.example/reset\">the portal</a> today.</p>",
        });
        var copy = _f.Deliver(mime: mime);
        var job = ByMessageId("<lure-8@login-verify.example>", RemediationFixture.FingerprintOf(mime));

        var result = await RemediatorOver(new GoneWhenFetched(_f.Mailboxes, keepShown: true)).RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    // "Lunch?" under a reused Message-ID is every other lunch invitation's text too: too little to settle by what it shows.
    [Fact]
    public async Task Remediate_CampaignTooShortToTellMessagesApart_ReadsTheCopysMimeToCompare()
    {
        var mime = RemediationFixture.Lure("lure-9@login-verify.example", "Lunch?");
        _f.Deliver(mime: mime);
        var job = ByMessageId("<lure-9@login-verify.example>", RemediationFixture.FingerprintOf(mime));

        var result = await RemediatorOver(new GoneWhenFetched(_f.Mailboxes, keepShown: true)).RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
    }

    [Fact]
    public async Task Remediate_CampaignWithTextAndHtmlAlternatives_ReadsTheCopysMimeToCompare()
    {
        var mime = WithParts("lure-7@login-verify.example", Alternatives("Verify your account now at https://login-verify.example/reset or lose your mail.",
            "<p>Verify your account now at <a href=\"https://login-verify.example/reset\">the portal</a> or lose your mail.</p>"));
        var job = ByMessageId("<lure-7@login-verify.example>", RemediationFixture.FingerprintOf(mime));
        var unread = _f.Deliver(mime: mime);

        var withoutMime = await RemediatorOver(new GoneWhenFetched(_f.Mailboxes, keepShown: true)).RemediateAsync(job, CancellationToken.None);
        var withMime = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), withoutMime);
        Assert.Equal(new RemediationResult(1, 0, 0), withMime);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, unread));
    }

    // The lure's text alternative, which no client shows, carries the lure; its HTML is a real message's, and so is
    // its Message-ID. The real copies show exactly that HTML and must stay.
    [Fact]
    public async Task Remediate_RealMessageWhoseHtmlTheLureCopied_IsLeftInPlace()
    {
        const string realHtml = "<p>Minutes of Thursday's budget meeting are on the team site, as agreed with finance.</p>";
        var lure = WithParts("thread-4@partner.example", Alternatives("Your mailbox is full. Verify your account at https://login-verify.example/reset today.", realHtml));
        var real = _f.Deliver(mime: WithParts("thread-4@partner.example", new TextPart("html") { Text = realHtml }));
        var job = ByMessageId("<thread-4@partner.example>", RemediationFixture.FingerprintOf(lure));

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, real));
        Assert.Equal(AuditOutcome.ContentMismatch, (await _f.RecordAsync(job, real))?.Outcome);
    }

    // The campaign's fingerprint is a real message's: its seed added what no fingerprint holds (a hidden word, a header).
    // The real copy shows the same words but is not malicious by itself, so it stays, as shown and as MIME; once the SOC
    // approves the campaign, its verdict stands for the content.
    [Theory]
    [InlineData(false, WellKnownFolders.Inbox, AuditOutcome.ContentMismatch)]
    [InlineData(true, RemediationFixture.QuarantineFolder, AuditOutcome.Remediated)]
    public async Task Remediate_CopyWithTheCampaignsFingerprintButNotMaliciousByItself_IsLeftUnlessApproved(bool approved, string endsIn, AuditOutcome outcome)
    {
        var real = RemediationFixture.Lure("minutes-1@partner.example", body: "Minutes of Thursday's budget meeting are on https://intranet.partner.example/minutes as agreed.");
        var copy = _f.Deliver(mime: real);
        var job = ByMessageId("<minutes-1@partner.example>", RemediationFixture.FingerprintOf(real)) with { Approved = approved };

        await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(endsIn, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
        Assert.Equal(outcome, (await _f.RecordAsync(job, copy))?.Outcome);
    }

    // The copy sweep hands over copies by id: each except the seed's own is judged where it lies, as a real message
    // sharing the campaign's fingerprint is not malicious by itself.
    [Fact]
    public async Task Remediate_SweptCopyNotMaliciousByItself_IsLeftAndTheSeedsCopyMoves()
    {
        var seed = _f.Deliver();
        var real = _f.Deliver(mime: RemediationFixture.Lure("minutes-2@partner.example", body: "Minutes of Thursday's budget meeting are on https://intranet.partner.example/minutes as agreed."));
        var swept = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, seed, real, swept) with { SeedMessageId = seed };

        await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal([RemediationFixture.QuarantineFolder, WellKnownFolders.Inbox, RemediationFixture.QuarantineFolder],
            new[] { seed, real, swept }.Select(id => _f.Mailboxes.FolderNameOf(_f.Alice, id)));
        Assert.Equal(AuditOutcome.ContentMismatch, (await _f.RecordAsync(job, real))?.Outcome);
    }

    [Fact]
    public async Task Remediate_CopyShowingTheLuresTextButCarryingAFile_IsComparedInFullAndLeft()
    {
        const string text = "Your mailbox is full. Verify your account at https://login-verify.example/reset today.";
        var lure = RemediationFixture.Lure("thread-5@partner.example", text);
        var body = new Multipart("mixed") { new TextPart("plain") { Text = text }, new MimePart("application", "pdf") { FileName = "minutes.pdf", Content = new MimeContent(new MemoryStream("%PDF-1.4 minutes"u8.ToArray())) } };
        var withFile = _f.Deliver(mime: WithParts("thread-5@partner.example", body));
        var job = ByMessageId("<thread-5@partner.example>", RemediationFixture.FingerprintOf(lure));

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, withFile));
    }

    [Fact]
    public async Task Remediate_CopyShowingTheLuresTextWithAnInlineImage_IsComparedInFullAndLeft()
    {
        const string html = "<p>Your mailbox is full. Verify your account at <a href=\"https://login-verify.example/reset\">the portal</a> today.</p>";
        var lure = WithParts("thread-6@partner.example", new TextPart("html") { Text = html });
        var image = new MimePart("image", "png") { ContentId = "logo@partner.example", ContentDisposition = new ContentDisposition(ContentDisposition.Inline), Content = new MimeContent(new MemoryStream([0x89, 0x50, 0x4e, 0x47])) };
        var related = new MultipartRelated { new TextPart("html") { Text = html + "<img src=\"cid:logo@partner.example\">" }, image };
        var withImage = _f.Deliver(mime: WithParts("thread-6@partner.example", related));
        var job = ByMessageId("<thread-6@partner.example>", RemediationFixture.FingerprintOf(lure));

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, withImage));
    }

    [Fact]
    public async Task Remediate_MismatchOnACopyAnotherJobRemediated_KeepsThatJobsRecordForUndo()
    {
        var mime = RemediationFixture.Lure("thread-3@partner.example");
        var copy = _f.Deliver(mime: mime);
        var inbox = await _f.FolderIdAsync(WellKnownFolders.Inbox);
        var byId = _f.Job(RemediationAction.Quarantine, copy);
        await _f.Remediator().RemediateAsync(byId, CancellationToken.None);
        var bySearch = ByMessageId("<thread-3@partner.example>", "another-fingerprint") with { CampaignId = byId.CampaignId };

        var result = await _f.Remediator().RemediateAsync(bySearch, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
        var record = await _f.RecordAsync(byId, copy);
        Assert.Equal(AuditOutcome.Remediated, record?.Outcome);
        Assert.Equal(inbox, record?.OriginalFolderId);
        Assert.Empty(_f.Telemetry.Events(PipelineEvents.CopyMismatch));
    }

    [Fact]
    public async Task Remediate_MismatchInAReportOnlyJob_IsAuditedAsReportOnly()
    {
        var copy = _f.Deliver(mime: RemediationFixture.Lure("thread-2@partner.example", "Lunch on Friday?"));
        var job = ByMessageId("<thread-2@partner.example>", "another-fingerprint") with { Action = null };

        await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal("ReportOnly", (await _f.RecordAsync(job, copy))?.Action);
    }

    [Fact]
    public async Task Remediate_MismatchWithAMessageIdTooLongToBeReal_AlertsWithAnEmptyMessageId()
    {
        var internetMessageId = $"{new string('x', 1000)}@partner.example";
        _f.Deliver(mime: RemediationFixture.Lure(internetMessageId, "Lunch on Friday?"));
        var job = ByMessageId($"<{internetMessageId}>", "another-fingerprint");

        await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal("", Assert.Single(_f.Telemetry.Events(PipelineEvents.CopyMismatch))[PipelineEventProperties.InternetMessageId]);
    }

    [Fact]
    public async Task Remediate_CopyGoneBetweenSearchAndFetch_IsLeftOut()
    {
        var mime = RemediationFixture.Lure("lure-5@login-verify.example");
        _f.Deliver(mime: mime);
        var job = ByMessageId("<lure-5@login-verify.example>", RemediationFixture.FingerprintOf(mime));
        var result = await RemediatorOver(new GoneWhenFetched(_f.Mailboxes, keepShown: false)).RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
        Assert.Empty(await _f.Audit.ListAsync(job.CampaignId, null, CancellationToken.None));
    }

    [Fact]
    public async Task Remediate_UnreachableMailbox_FindsNothingAndCreatesNoFolder()
    {
        var guest = _f.Mailboxes.AddMailbox($"guest@{Scanning.TestMail.Domain}", reachable: false);
        var job = ByMessageId("<lure-4@login-verify.example>", "fingerprint") with { Mailboxes = [new(guest, [], ["<lure-4@login-verify.example>"])] };

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 0, 0), result);
    }

    [Fact]
    public async Task Remediate_OneCopyFails_TheOthersAreDoneThenTheJobFails()
    {
        var failing = _f.Deliver();
        var other = _f.Deliver();
        var refused = new IOException("The store refused the item.");
        _f.Mailboxes.FailActionsOn(failing, refused);
        var job = _f.Job(RemediationAction.Quarantine, failing, other);

        var error = await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));

        Assert.Same(refused, error.InnerException);
        Assert.Equal($"Campaign {job.CampaignId}: 1 copies in mailbox {_f.Alice} failed.", error.Message);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, other));
        var record = await _f.RecordAsync(job, failing);
        Assert.NotNull(record);
        Assert.Equal(AuditOutcome.Failed, record.Outcome);
        Assert.Equal("The store refused the item.", record.Detail);
        Assert.Equal("Quarantine", record.Action);
        Assert.Equal(await _f.FolderIdAsync(WellKnownFolders.Inbox), record.OriginalFolderId);
        var failed = Assert.Single(_f.Telemetry.Events(PipelineEvents.RemediationFailed));
        Assert.Equal(failing, failed[PipelineEventProperties.MessageId]);
        Assert.Equal("The store refused the item.", failed[PipelineEventProperties.Outcome]);
    }

    [Fact]
    public async Task Remediate_TwoCopiesFail_TheFirstErrorIsKept()
    {
        var first = _f.Deliver();
        var second = _f.Deliver();
        var firstError = new IOException("first");
        _f.Mailboxes.FailActionsOn(first, firstError);
        _f.Mailboxes.FailActionsOn(second, new IOException("second"));
        var job = _f.Job(RemediationAction.Quarantine, first, second);

        var error = await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));

        Assert.Same(firstError, error.InnerException);
        Assert.Contains(": 2 copies", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remediate_CopyFailingAfterATakeover_RecordsTheFirstOriginalFolder()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);
        await _f.Audit.SaveAsync(Pending(job, copy, "where-it-first-was", RemediationFixture.Now.AddHours(-1)), CancellationToken.None);
        _f.Mailboxes.FailActionsOn(copy, new IOException("refused"));

        await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));

        Assert.Equal("where-it-first-was", (await _f.RecordAsync(job, copy))?.OriginalFolderId);
    }

    [Fact]
    public async Task Remediate_FailedCopyRetried_IsClaimedAgainAndRemediated()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);
        await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator(new ClaimsFail(_f.Audit)).RemediateAsync(job, CancellationToken.None));

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(1, 0, 0), result);
        Assert.Equal(AuditOutcome.Remediated, (await _f.RecordAsync(job, copy))?.Outcome);
    }

    [Fact]
    public async Task Remediate_CancelledDuringACopy_StopsWithoutRecordingAFailure()
    {
        var copy = _f.Deliver();
        _f.Mailboxes.FailActionsOn(copy, new OperationCanceledException());
        var job = _f.Job(RemediationAction.Quarantine, copy);

        await Assert.ThrowsAsync<OperationCanceledException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));

        Assert.Equal(AuditOutcome.Pending, (await _f.RecordAsync(job, copy))?.Outcome);
        Assert.Empty(_f.Telemetry.Events(PipelineEvents.RemediationFailed));
    }

    [Fact]
    public async Task Remediate_JobOfTheEarlierOneMailboxShape_IsRefusedAsNamingNoMailbox()
    {
        var copy = _f.Deliver();
        var earlier = WorkItemJson.Deserialize<RemediationJob>(
            $$"""{"campaignId":"c1","mailboxId":"{{_f.Alice}}","messageIds":["{{copy}}"],"internetMessageIds":[],"action":"Quarantine","rules":["R1"],"notifiedAt":"2026-11-29T10:00:00Z"}""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _f.Remediator().RemediateAsync(earlier, CancellationToken.None));

        Assert.Equal("The remediation job of campaign c1 names no mailbox.", error.Message);
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    [Fact]
    public async Task Remediate_JobOfSeveralMailboxes_ActsInEachAndAuditsEveryCopy()
    {
        var alicesCopy = _f.Deliver();
        var bob = _f.Mailboxes.AddMailbox($"bob@{Scanning.TestMail.Domain}");
        var bobsCopies = new[] { _f.Mailboxes.AddMessage(bob, RemediationFixture.Lure("lure-5@login-verify.example")), _f.Mailboxes.AddMessage(bob, RemediationFixture.Lure("lure-6@login-verify.example")) };
        var job = _f.Job(RemediationAction.Quarantine, alicesCopy).AlsoIn(new(bob, bobsCopies, []));

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(3, 0, 0), result);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, alicesCopy));
        Assert.All(bobsCopies, copy => Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(bob, copy)));
        var records = await _f.Audit.ListAsync(job.CampaignId, null, CancellationToken.None);
        Assert.Equal(new[] { (_f.Alice, alicesCopy) }.Concat(bobsCopies.Select(c => (bob, c))).Order(), records.Select(r => (r.MailboxId, r.MessageId)).Order());
        var bobsInbox = await _f.Mailboxes.GetFolderIdAsync(bob, WellKnownFolders.Inbox, CancellationToken.None);
        Assert.All(records, r => Assert.Equal(AuditOutcome.Remediated, r.Outcome));
        Assert.All(records.Where(r => r.MailboxId == bob), r => Assert.Equal(bobsInbox, r.OriginalFolderId));
        Assert.Equal(records.Select(r => r.MailboxId).Order(), _f.Telemetry.Events(PipelineEvents.MessageRemediated).Select(e => e[PipelineEventProperties.MailboxId]).Order());
    }

    [Fact]
    public async Task Remediate_OneMailboxCannotBeSearched_TheOthersAreDoneThenTheJobFails()
    {
        var alicesCopy = _f.Deliver();
        var bob = _f.Mailboxes.AddMailbox($"bob@{Scanning.TestMail.Domain}");
        var down = new IOException("The store did not answer.");
        _f.Mailboxes.FailSearchesIn(bob, down);
        var job = _f.Job(RemediationAction.Quarantine, alicesCopy).AlsoIn(new(bob, [], ["<lure-7@login-verify.example>"]));

        var error = await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));

        Assert.Same(down, error.InnerException);
        Assert.Equal($"Campaign {job.CampaignId}: mailbox {bob} could not be searched.", error.Message);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, alicesCopy));
        Assert.Equal(AuditOutcome.Remediated, (await _f.RecordAsync(job, alicesCopy))?.Outcome);
    }

    [Fact]
    public async Task Remediate_JobRetriedForOneFailingMailbox_ActsOnTheOthersOnceOnly()
    {
        var alicesCopy = _f.Deliver();
        var bob = _f.Mailboxes.AddMailbox($"bob@{Scanning.TestMail.Domain}");
        _f.Mailboxes.FailSearchesIn(bob, new IOException("The store did not answer."));
        var job = _f.Job(RemediationAction.Quarantine, alicesCopy).AlsoIn(new(bob, [], ["<lure-9@login-verify.example>"]));
        var remediator = _f.Remediator();

        // The queue's retries, played by hand: bob's mailbox fails each time.
        await Assert.ThrowsAsync<RemediationFailedException>(() => remediator.RemediateAsync(job, CancellationToken.None));
        var movesAfterTheFirst = _f.Mailboxes.Moves;
        await Assert.ThrowsAsync<RemediationFailedException>(() => remediator.RemediateAsync(job, CancellationToken.None));

        Assert.Equal((1, 1), (movesAfterTheFirst, _f.Mailboxes.Moves));
        Assert.Single(_f.Telemetry.Events(PipelineEvents.MessageRemediated));
        Assert.Equal(AuditOutcome.Remediated, (await _f.RecordAsync(job, alicesCopy))?.Outcome);
    }

    [Fact]
    public async Task Remediate_JobWithAnEmptyMailboxList_IsRefused()
    {
        var job = _f.Job(RemediationAction.Quarantine) with { Mailboxes = [] };

        await Assert.ThrowsAsync<InvalidDataException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));
    }

    [Fact]
    public async Task Remediate_OutcomesCannotBeSavedAfterATakeover_TheFailureKeepsTheFirstOriginalFolder()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);
        await _f.Audit.SaveAsync(Pending(job, copy, "where-it-first-was", RemediationFixture.Now.AddHours(-1)), CancellationToken.None);

        await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator(new OutcomesFail(_f.Audit)).RemediateAsync(job, CancellationToken.None));

        Assert.Equal((AuditOutcome.Failed, "where-it-first-was"), ((await _f.RecordAsync(job, copy))?.Outcome, (await _f.RecordAsync(job, copy))?.OriginalFolderId));
    }

    [Fact]
    public async Task Remediate_CopiesAlreadyClaimedInTwoMailboxes_CountEachAsDone()
    {
        var alicesCopy = _f.Deliver();
        var bob = _f.Mailboxes.AddMailbox($"bob@{Scanning.TestMail.Domain}");
        var bobsCopy = _f.Mailboxes.AddMessage(bob, RemediationFixture.Lure("lure-10@login-verify.example"));
        var job = _f.Job(RemediationAction.Quarantine, alicesCopy).AlsoIn(new(bob, [bobsCopy], []));
        await _f.Audit.SaveAsync(Pending(job, alicesCopy, "inbox", RemediationFixture.Now), CancellationToken.None);
        await _f.Audit.SaveAsync(Pending(job, bobsCopy, "inbox", RemediationFixture.Now) with { MailboxId = bob }, CancellationToken.None);

        var result = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal(new RemediationResult(0, 2, 0), result);
        Assert.Equal(0, _f.Mailboxes.MoveRequests);
    }

    [Fact]
    public async Task Remediate_SoftDeleteRefused_RecordsTheFailureAndFailsTheJob()
    {
        var copy = _f.Deliver();
        _f.Mailboxes.FailActionsOn(copy, new IOException("refused"));
        var job = _f.Job(RemediationAction.SoftDelete, copy);

        await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));

        Assert.Equal((AuditOutcome.Failed, "refused"), ((await _f.RecordAsync(job, copy))?.Outcome, (await _f.RecordAsync(job, copy))?.Detail));
        Assert.Equal(WellKnownFolders.Inbox, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    [Fact]
    public async Task Remediate_TwoMailboxesCannotBeSearched_TheFirstErrorIsKept()
    {
        var bob = _f.Mailboxes.AddMailbox($"bob@{Scanning.TestMail.Domain}");
        var first = new IOException("first");
        _f.Mailboxes.FailSearchesIn(_f.Alice, first);
        _f.Mailboxes.FailSearchesIn(bob, new IOException("second"));
        var job = _f.Job(RemediationAction.Quarantine) with { Mailboxes = [new(_f.Alice, [], ["<lure-11@login-verify.example>"]), new(bob, [], ["<lure-11@login-verify.example>"])] };

        var error = await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));

        Assert.Same(first, error.InnerException);
    }

    [Fact]
    public async Task Remediate_OneCopyFailsInAMailbox_TheLogSaysWhatWasDoneThere()
    {
        var failing = _f.Deliver();
        var moved = _f.Deliver();
        var claimedElsewhere = _f.Deliver();
        _f.Mailboxes.FailActionsOn(failing, new IOException("refused"));
        var job = _f.Job(RemediationAction.Quarantine, failing, moved, claimedElsewhere);
        await _f.Audit.SaveAsync(Pending(job, claimedElsewhere, "inbox", RemediationFixture.Now), CancellationToken.None);
        var logger = new RecordingLogger<MailboxRemediator>();

        await Assert.ThrowsAsync<RemediationFailedException>(() => RemediatorOver(_f.Mailboxes, logger).RemediateAsync(job, CancellationToken.None));

        Assert.Contains($"Campaign {job.CampaignId}, mailbox {_f.Alice}: Quarantine on 1 copies (1 already done, 1 failed)", logger.Messages);
    }

    [Fact]
    public async Task Remediate_CopiesFailInTwoMailboxes_TheMessageNamesEach()
    {
        var alicesCopy = _f.Deliver();
        var bob = _f.Mailboxes.AddMailbox($"bob@{Scanning.TestMail.Domain}");
        var bobsCopy = _f.Mailboxes.AddMessage(bob, RemediationFixture.Lure("lure-8@login-verify.example"));
        _f.Mailboxes.FailActionsOn(alicesCopy, new IOException("refused"));
        _f.Mailboxes.FailActionsOn(bobsCopy, new IOException("refused"));
        var job = _f.Job(RemediationAction.Quarantine, alicesCopy).AlsoIn(new(bob, [bobsCopy], []));

        var error = await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator().RemediateAsync(job, CancellationToken.None));

        Assert.Equal(
            new[] { $"1 copies in mailbox {_f.Alice} failed", $"1 copies in mailbox {bob} failed" }.Order(),
            error.Message[($"Campaign {job.CampaignId}: ".Length)..^1].Split("; ").Order());
        Assert.Equal(AuditOutcome.Failed, (await _f.Audit.FindAsync(job.CampaignId, bob, bobsCopy, CancellationToken.None))?.Outcome);
    }

    [Fact]
    public async Task Remediate_OutcomesCannotBeSaved_EachCopyIsRecordedFailedAndTheRetryFinishesIt()
    {
        var copy = _f.Deliver();
        var job = _f.Job(RemediationAction.Quarantine, copy);

        await Assert.ThrowsAsync<RemediationFailedException>(() => _f.Remediator(new OutcomesFail(_f.Audit)).RemediateAsync(job, CancellationToken.None));
        var failed = await _f.RecordAsync(job, copy);
        Assert.Empty(_f.Telemetry.Events(PipelineEvents.MessageRemediated));
        var retried = await _f.Remediator().RemediateAsync(job, CancellationToken.None);

        Assert.Equal((AuditOutcome.Failed, await _f.FolderIdAsync(WellKnownFolders.Inbox)), (failed?.Outcome, failed?.OriginalFolderId));
        Assert.Equal(new RemediationResult(1, 0, 0), retried);
        Assert.Equal(AuditOutcome.Remediated, (await _f.RecordAsync(job, copy))?.Outcome);
        Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy));
    }

    [Fact]
    public async Task Remediate_SeveralCopiesInOneMailbox_MovesThemInOneRequest()
    {
        var copies = Enumerable.Range(0, 3).Select(_ => _f.Deliver()).ToArray();
        var inPlace = _f.Deliver();
        await _f.Mailboxes.MoveAsync(_f.Alice, inPlace, await _f.QuarantineIdAsync(), CancellationToken.None);

        var result = await _f.Remediator().RemediateAsync(_f.Job(RemediationAction.Quarantine, [.. copies, inPlace]), CancellationToken.None);

        Assert.Equal(new RemediationResult(4, 0, 0), result);
        Assert.Equal((1, 4), (_f.Mailboxes.MoveRequests, _f.Mailboxes.Moves));
        Assert.All(copies, copy => Assert.Equal(RemediationFixture.QuarantineFolder, _f.Mailboxes.FolderNameOf(_f.Alice, copy)));
    }

    private RemediationJob ByMessageId(string internetMessageId, string? fingerprint) =>
        new($"campaign-{Guid.NewGuid():N}", [new MailboxCopies(_f.Alice, [], [internetMessageId])], RemediationAction.Quarantine, ["R1"], RemediationFixture.Now, fingerprint);

    private MailboxRemediator RemediatorOver(IMailboxGateway mailboxes, ILogger<MailboxRemediator>? logger = null, IHiddenFolderIds? hiddenFolders = null) => new(mailboxes, hiddenFolders ?? _f.HiddenFolders, _f.Audit, RemediationFixture.Engine, _f.Telemetry,
        new CircuitBreaker(new InMemoryHourlyBudget(), _f.Telemetry, _f.Clock, NullLogger<CircuitBreaker>.Instance),
        Options.Create(_f.Options), _f.Clock, logger ?? NullLogger<MailboxRemediator>.Instance);

    private static Multipart Alternatives(string text, string html) => new("alternative") { new TextPart("plain") { Text = text }, new TextPart("html") { Text = html } };

    private string WithParts(string internetMessageId, MimeEntity body)
    {
        var message = new MimeMessage { Subject = "Mailbox quota exceeded", MessageId = internetMessageId, Body = body };
        message.From.Add(new MailboxAddress("IT Helpdesk", "helpdesk@login-verify.example"));
        message.To.Add(new MailboxAddress("", $"alice@{Scanning.TestMail.Domain}"));
        return message.ToString();
    }

    private AuditRecord Pending(RemediationJob job, string messageId, string originalFolderId, DateTimeOffset at) =>
        new(job.CampaignId, _f.Alice, messageId, "Quarantine", originalFolderId, AuditOutcome.Pending, job.Rules, at);

    /// <summary>The audit trail whose claims fail, as a storage outage between finding a copy and acting on it would.</summary>
    private sealed class ClaimsFail(IAuditTrail audit) : IAuditTrail
    {
        public Task<AuditRecord?> FindAsync(string campaignId, string mailboxId, string messageId, CancellationToken cancellationToken) =>
            audit.FindAsync(campaignId, mailboxId, messageId, cancellationToken);

        public Task SaveAsync(AuditRecord record, CancellationToken cancellationToken) => audit.SaveAsync(record, cancellationToken);

        public Task<AuditRecord?> TryClaimAsync(AuditRecord pending, TimeSpan staleAfter, CancellationToken cancellationToken) =>
            throw new IOException("The audit table did not answer.");

        public Task<IReadOnlyList<AuditRecord>> TryClaimAllAsync(IReadOnlyList<AuditRecord> pending, TimeSpan staleAfter, CancellationToken cancellationToken) =>
            throw new IOException("The audit table did not answer.");

        public Task SaveAllAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) => audit.SaveAllAsync(records, cancellationToken);

        public Task<IReadOnlyList<AuditRecord>> ListAsync(string campaignId, string? mailboxId, CancellationToken cancellationToken) =>
            audit.ListAsync(campaignId, mailboxId, cancellationToken);
    }

    /// <summary>The audit trail that claims but cannot write outcomes, as a storage outage right after a move would.</summary>
    private sealed class OutcomesFail(IAuditTrail audit) : IAuditTrail
    {
        public Task<AuditRecord?> FindAsync(string campaignId, string mailboxId, string messageId, CancellationToken cancellationToken) =>
            audit.FindAsync(campaignId, mailboxId, messageId, cancellationToken);

        public Task SaveAsync(AuditRecord record, CancellationToken cancellationToken) => audit.SaveAsync(record, cancellationToken);

        public Task<AuditRecord?> TryClaimAsync(AuditRecord pending, TimeSpan staleAfter, CancellationToken cancellationToken) =>
            audit.TryClaimAsync(pending, staleAfter, cancellationToken);

        public Task<IReadOnlyList<AuditRecord>> TryClaimAllAsync(IReadOnlyList<AuditRecord> pending, TimeSpan staleAfter, CancellationToken cancellationToken) =>
            audit.TryClaimAllAsync(pending, staleAfter, cancellationToken);

        public Task SaveAllAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) =>
            throw new IOException("The audit table did not answer.");

        public Task<IReadOnlyList<AuditRecord>> ListAsync(string campaignId, string? mailboxId, CancellationToken cancellationToken) =>
            audit.ListAsync(campaignId, mailboxId, cancellationToken);
    }

    /// <summary>
    /// The store whose copies a search finds but a read no longer does, as when the user deletes one in between; the
    /// search returns what each copy shows only when <paramref name="keepShown"/>.
    /// </summary>
    private sealed class GoneWhenFetched(IMailboxGateway store, bool keepShown) : IMailboxGateway
    {
        public Task<StoredMessage?> GetMessageAsync(string mailboxId, string messageId, long maxContentBytes, CancellationToken cancellationToken) =>
            Task.FromResult<StoredMessage?>(null);

        public Task<StoredContent?> GetContentAsync(string mailboxId, string messageId, long maxContentBytes, CancellationToken cancellationToken) =>
            Task.FromResult<StoredContent?>(null);

        public async Task<IReadOnlyList<MessageLocation>> FindCopiesAsync(string mailboxId, string internetMessageId, CancellationToken cancellationToken) =>
            [.. (await store.FindCopiesAsync(mailboxId, internetMessageId, cancellationToken)).Select(c => keepShown ? c : c with { Shown = null })];

        public Task<string> GetFolderIdAsync(string mailboxId, string wellKnownName, CancellationToken cancellationToken) =>
            store.GetFolderIdAsync(mailboxId, wellKnownName, cancellationToken);

        public Task<MessageLocation?> GetLocationAsync(string mailboxId, string messageId, CancellationToken cancellationToken) =>
            store.GetLocationAsync(mailboxId, messageId, cancellationToken);

        public Task<string?> FindMailboxIdAsync(string address, CancellationToken cancellationToken) => store.FindMailboxIdAsync(address, cancellationToken);

        public Task<IReadOnlyList<string>> FindRecipientMailboxesAsync(string address, CancellationToken cancellationToken) =>
            store.FindRecipientMailboxesAsync(address, cancellationToken);

        public Task<IReadOnlySet<string>> GetMailboxAddressesAsync(string mailboxId, CancellationToken cancellationToken) =>
            store.GetMailboxAddressesAsync(mailboxId, cancellationToken);

        public Task<string> EnsureHiddenFolderAsync(string mailboxId, string displayName, CancellationToken cancellationToken) =>
            store.EnsureHiddenFolderAsync(mailboxId, displayName, cancellationToken);

        public Task<bool> SoftDeleteAsync(string mailboxId, string messageId, CancellationToken cancellationToken) =>
            store.SoftDeleteAsync(mailboxId, messageId, cancellationToken);

        public Task<MeetingDecline> DeclineMeetingAsync(string mailboxId, string messageId, CancellationToken cancellationToken) =>
            store.DeclineMeetingAsync(mailboxId, messageId, cancellationToken);

        public Task<string?> MoveAsync(string mailboxId, string messageId, string destinationFolderId, CancellationToken cancellationToken) =>
            store.MoveAsync(mailboxId, messageId, destinationFolderId, cancellationToken);
    }

    /// <summary>Kept folders read as they are, while every write fails, as a storage outage after the read would.</summary>
    private sealed class UnwritableHiddenFolderIds(IHiddenFolderIds kept) : IHiddenFolderIds
    {
        public Task<IReadOnlyDictionary<string, string>> FindAsync(string displayName, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken) =>
            kept.FindAsync(displayName, mailboxIds, cancellationToken);

        public Task SaveAsync(string displayName, IReadOnlyDictionary<string, string> folderIdsByMailbox, CancellationToken cancellationToken) =>
            throw new IOException("Injected: the table did not answer.");

        public Task ForgetAsync(string displayName, string mailboxId, CancellationToken cancellationToken) =>
            throw new IOException("Injected: the table did not answer.");
    }
}
