using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// Nothing is lost: a message that failed every attempt waits in its poison queue. This looks without taking, and
/// raises the poison alert for as long as any waits there.
/// </summary>
public sealed partial class PoisonQueueMonitor(QueueServiceClient queues, IPipelineTelemetry telemetry, ILogger<PoisonQueueMonitor> logger)
{
    /// <returns>The number of messages waiting per poison queue that holds any.</returns>
    public async Task<IReadOnlyDictionary<string, int>> CheckAsync(CancellationToken cancellationToken)
    {
        var waiting = new Dictionary<string, int>();
        foreach (var queue in WorkQueueNames.All.Select(WorkQueueNames.PoisonOf))
        {
            var client = queues.GetQueueClient(queue);
            if (!await client.ExistsAsync(cancellationToken)) continue;
            var count = (await client.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            if (count == 0) continue;
            waiting[queue] = count;
            LogPoison(queue, count);
            telemetry.Emit(PipelineEvents.PoisonMessage, new Dictionary<string, string>
            {
                [PipelineEventProperties.Queue] = queue,
                [PipelineEventProperties.Count] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        return waiting;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} messages wait in poison queue {Queue}")]
    private partial void LogPoison(string queue, int count);
}
