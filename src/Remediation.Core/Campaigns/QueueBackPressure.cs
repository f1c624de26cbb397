using Remediation.Core.Queues;

namespace Remediation.Core.Campaigns;

/// <summary>
/// Holds a producer back while a queue is at a limit: each reading of the queue's length grants as many messages as
/// there is room for, less those still on their way, and the message past them waits for another reading.
/// </summary>
internal sealed class QueueBackPressure(IWorkQueue queue, string queueName, int limit)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    private readonly Lock _counts = new();
    private readonly SemaphoreSlim _reading = new(1, 1);
    private int _room;
    private int _sending;

    /// <summary>Sends one message once there is room for it.</summary>
    public async Task SendAsync(Func<Task> send, CancellationToken cancellationToken)
    {
        while (!TryTakeRoom())
        {
            await ReadLengthAsync(cancellationToken);
        }
        try
        {
            await send();
        }
        finally
        {
            lock (_counts) _sending--;
        }
    }

    private bool TryTakeRoom()
    {
        lock (_counts)
        {
            if (_room == 0) return false;
            _room--;
            _sending++;
            return true;
        }
    }

    private async Task ReadLengthAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            int sending;
            lock (_counts)
            {
                // Another caller read the length while this one waited.
                if (_room > 0) return;
                sending = _sending;
            }
            // No room is taken until the reading ends; a message landing meanwhile is counted twice, never missed.
            var room = limit - sending - await queue.ApproximateCountAsync(queueName, cancellationToken);
            if (room > 0)
            {
                lock (_counts) _room = room;
            }
            else
            {
                await Task.Delay(Pause, cancellationToken);
            }
        }
        finally
        {
            _reading.Release();
        }
    }
}
