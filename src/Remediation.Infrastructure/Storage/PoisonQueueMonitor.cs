using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// Nothing is lost: a message that failed every attempt waits in its poison queue, for as long as it takes. This
/// raises the poison alert while any waits there, and makes each one live forever.
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
            await KeepForeverAsync(client, count, cancellationToken);
            telemetry.Emit(new PoisonMessage(queue, count));
        }
        return waiting;
    }

    // The queue trigger copies a failed message to the poison queue with the 7-day default lifetime (the WebJobs SDK's
    // QueueProcessor sends the body alone), in the Functions host as in the local host, and the isolated worker cannot
    // replace that processor. So each check sends such copies again to live forever, and deletes the mortal ones.
    private async Task KeepForeverAsync(QueueClient poison, int waiting, CancellationToken cancellationToken)
    {
        var seen = 0;
        var kept = 0;
        while (seen < waiting && (await poison.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                seen++;
                if (QueueMessageLifetime.Expires(message))
                {
                    await poison.SendMessageAsync(message.Body, visibilityTimeout: null, timeToLive: QueueMessageLifetime.Forever, cancellationToken);
                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    kept++;
                }
                else
                {
                    // Back in sight at once, for a redrive running meanwhile.
                    await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                }
            }
        }
        if (kept > 0) LogKept(poison.Name, kept);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} messages of poison queue {Queue} now never expire")]
    private partial void LogKept(string queue, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} messages wait in poison queue {Queue}")]
    private partial void LogPoison(string queue, int count);
}
