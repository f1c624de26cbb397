using Microsoft.Extensions.Logging;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;

namespace Remediation.Core.Remediation;

/// <summary>Acts on every copy of one malicious message in one mailbox. Running a job twice changes nothing.</summary>
public sealed partial class MailboxRemediator(IMailboxGateway mailboxes, ILogger<MailboxRemediator> logger)
{
    public async Task<RemediationResult> RemediateAsync(RemediationJob job, CancellationToken cancellationToken)
    {
        var copies = await mailboxes.FindCopiesAsync(job.MailboxId, job.InternetMessageId, cancellationToken);
        if (job.Action == RemediationAction.ReportOnly)
        {
            LogReportOnly(job.CampaignId, job.MailboxId, copies.Count);
            return new RemediationResult(0, 0);
        }

        var junk = await mailboxes.GetFolderIdAsync(job.MailboxId, WellKnownFolders.JunkEmail, cancellationToken);
        int moved = 0, alreadyDone = 0;
        foreach (var copy in copies)
        {
            if (copy.ParentFolderId == junk || await mailboxes.MoveAsync(job.MailboxId, copy.MessageId, junk, cancellationToken) is null)
            {
                alreadyDone++;
            }
            else
            {
                moved++;
            }
        }
        LogRemediated(job.CampaignId, job.MailboxId, moved, alreadyDone, string.Join(',', job.Rules));
        return new RemediationResult(moved, alreadyDone);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: moved {Moved} copies to Junk in mailbox {MailboxId} ({AlreadyDone} already done); rules {Rules}")]
    private partial void LogRemediated(string campaignId, string mailboxId, int moved, int alreadyDone, string rules);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: report-only, {Copies} copies left in mailbox {MailboxId}")]
    private partial void LogReportOnly(string campaignId, string mailboxId, int copies);
}
