using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;

namespace Remediation.Functions;

public sealed class RemediateFunction(MailboxRemediator remediator)
{
    [Function("Remediate")]
    public Task RunAsync([QueueTrigger(WorkQueueNames.RemediationJobs)] RemediationJob job, CancellationToken cancellationToken) =>
        remediator.RemediateAsync(job, cancellationToken);
}
