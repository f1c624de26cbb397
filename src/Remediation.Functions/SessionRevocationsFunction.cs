using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Compromise;
using Remediation.Core.Queues;

namespace Remediation.Functions;

public sealed class SessionRevocationsFunction(SessionRevoker revoker)
{
    [Function("SessionRevocations")]
    public Task RunAsync([QueueTrigger(WorkQueueNames.SessionRevocations)] SessionRevocation revocation, CancellationToken cancellationToken) =>
        revoker.RevokeAsync(revocation, cancellationToken);
}
