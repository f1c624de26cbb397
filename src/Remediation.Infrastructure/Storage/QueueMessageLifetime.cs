using Azure.Storage.Queues.Models;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// Work items never expire: a queue message lives 7 days by default, and a work item waiting longer (in a poison
/// queue over a long weekend and a holiday) would vanish without a trace.
/// </summary>
public static class QueueMessageLifetime
{
    /// <summary>What <c>SendMessageAsync(timeToLive:)</c> reads as "never expires".</summary>
    public static readonly TimeSpan Forever = TimeSpan.FromSeconds(-1);

    // A message sent to live forever expires on 31 December 9999; anything due within a century was sent with a
    // lifetime (the queue trigger's copy to the poison queue gets the 7-day default).
    public static bool Expires(QueueMessage message) => message.ExpiresOn is { } expires && expires < DateTimeOffset.UtcNow.AddYears(100);
}
