using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Campaigns;
using Remediation.Core.Queues;

namespace Remediation.Functions;

public sealed class CampaignFunction(CampaignResolver resolver)
{
    [Function("Campaign")]
    public Task RunAsync([QueueTrigger(WorkQueueNames.Campaigns)] MaliciousMessage message, CancellationToken cancellationToken) =>
        resolver.ResolveAsync(message, cancellationToken);
}
