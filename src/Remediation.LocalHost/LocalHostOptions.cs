namespace Remediation.LocalHost;

public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>Where Kestrel listens; port 0 picks a free one.</summary>
    public string Url { get; set; } = "http://127.0.0.1:7071";

    /// <summary>A bearer token for a local Graph stand-in; empty for a real tenant (the Graph settings' credential).</summary>
    public string? GraphAccessToken { get; set; }

    /// <summary>Attempts per queue message before it moves to the poison queue (host.json's maxDequeueCount).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Requests to the webhooks must carry this as <c>code</c>, as the Functions host demands its function key.</summary>
    public string? FunctionKey { get; set; }

    /// <summary>
    /// Requests to the SOC's endpoints (restore, approve) must carry this as <c>code</c>. Empty: the host makes a
    /// random one at startup (<see cref="LocalPipelineHost.AdminKey"/>), so the endpoints are never open to all.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>How often the subscription keeper runs (the timer function's schedule); zero turns it off.</summary>
    public TimeSpan SubscriptionCheckInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How often every registered mailbox is resynced (the reconciliation timer function's schedule, every 6 hours by
    /// default); zero turns it off. The first run comes one interval after start.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often poison queues are checked (the poison timer function's schedule); zero turns it off.</summary>
    public TimeSpan PoisonCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Queue messages fetched at once per queue (host.json's batchSize, at most 32).</summary>
    public int QueueBatchSize { get; set; } = 16;

    /// <summary>
    /// Another batch is fetched when no more than this many of a queue's messages are still running (host.json's
    /// newBatchThreshold); half a batch when unset. A queue runs up to batch size plus this at once.
    /// </summary>
    public int? NewBatchThreshold { get; set; }

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);
}
