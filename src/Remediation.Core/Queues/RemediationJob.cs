using Remediation.Core.Remediation;

namespace Remediation.Core.Queues;

/// <summary>Remediate every copy of one malicious message in one mailbox.</summary>
/// <param name="CampaignId">Groups the jobs that one verdict produced.</param>
/// <param name="MailboxId">The mailbox to act in (user id or principal name).</param>
/// <param name="InternetMessageId">Finds the copies in that mailbox.</param>
/// <param name="Rules">The rules that fired, for the audit trail and the logs.</param>
public sealed record RemediationJob(
    string CampaignId,
    string MailboxId,
    string InternetMessageId,
    RemediationAction Action,
    IReadOnlyList<string> Rules);
