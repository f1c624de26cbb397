using Microsoft.Azure.WebJobs;
using Remediation.Core.Campaigns;
using Remediation.Core.Compromise;
using Remediation.Core.Hunting;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Subscriptions;

namespace Remediation.LocalHost;

/// <summary>
/// The queue-triggered stages, run by the WebJobs SDK: the engine the Functions host itself uses for queue
/// triggers (batching, dequeue count, the poison queue).
/// </summary>
public sealed class QueueTriggers(
    MessageScanner scanner,
    CampaignResolver campaigns,
    MailboxRemediator remediator,
    SubscriptionEventHandler subscriptions,
    SessionRevoker revoker,
    HuntRunner hunts)
{
    [FunctionName("Scan")]
    public Task ScanAsync([QueueTrigger(WorkQueueNames.ScanRequests)] string message, CancellationToken cancellationToken) =>
        scanner.ScanAsync(WorkItemJson.Deserialize<ScanRequest>(message), cancellationToken);

    [FunctionName("Campaign")]
    public Task CampaignAsync([QueueTrigger(WorkQueueNames.Campaigns)] string message, CancellationToken cancellationToken) =>
        campaigns.ResolveAsync(WorkItemJson.Deserialize<MaliciousMessage>(message), cancellationToken);

    [FunctionName("Remediate")]
    public Task RemediateAsync([QueueTrigger(WorkQueueNames.RemediationJobs)] string message, CancellationToken cancellationToken) =>
        remediator.RemediateAsync(WorkItemJson.Deserialize<RemediationJob>(message), cancellationToken);

    [FunctionName("SubscriptionEvents")]
    public Task SubscriptionEventsAsync([QueueTrigger(WorkQueueNames.SubscriptionEvents)] string message, CancellationToken cancellationToken) =>
        subscriptions.HandleAsync(WorkItemJson.Deserialize<SubscriptionEvent>(message), cancellationToken);

    [FunctionName("SessionRevocations")]
    public Task SessionRevocationsAsync([QueueTrigger(WorkQueueNames.SessionRevocations)] string message, CancellationToken cancellationToken) =>
        revoker.RevokeAsync(WorkItemJson.Deserialize<SessionRevocation>(message), cancellationToken);

    [FunctionName("Hunt")]
    public Task HuntAsync([QueueTrigger(WorkQueueNames.Hunts)] string message, CancellationToken cancellationToken) =>
        hunts.RunAsync(WorkItemJson.Deserialize<HuntRequest>(message), cancellationToken);
}
