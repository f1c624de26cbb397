using Azure.Storage.Queues;
using Remediation.Core.Queues;

namespace Remediation.Infrastructure.Storage;

/// <summary>Sends the messages of a poison queue back to their work queue once the SOC fixed what made them fail.</summary>
public static class PoisonQueueRedrive
{
    // Long enough to send and delete a batch; a message left invisible by a crash comes back to be moved again.
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(1);

    /// <returns>How many messages went back.</returns>
    public static async Task<int> RedriveAsync(QueueServiceClient queues, string queueName, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueueClient(WorkQueueNames.PoisonOf(queueName));
        if (!await poison.ExistsAsync(cancellationToken)) return 0;
        var work = queues.GetQueueClient(queueName);
        var moved = 0;
        while ((await poison.ReceiveMessagesAsync(32, Hold, cancellationToken)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                // Send first, then delete: a crash between the two repeats a work item (every stage is idempotent)
                // instead of losing one.
                await work.SendMessageAsync(message.Body, visibilityTimeout: null, timeToLive: QueueMessageLifetime.Forever, cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }
        return moved;
    }
}
