using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Queues;
using Remediation.Core.Scanning;

namespace Remediation.Functions;

public sealed class ScanFunction(MessageScanner scanner)
{
    [Function("Scan")]
    public Task RunAsync([QueueTrigger(WorkQueueNames.ScanRequests)] ScanRequest request, CancellationToken cancellationToken) =>
        scanner.ScanAsync(request, cancellationToken);
}
