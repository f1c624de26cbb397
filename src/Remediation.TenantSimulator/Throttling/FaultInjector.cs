namespace Remediation.TenantSimulator.Throttling;

/// <summary>The random decisions behind injected faults; the same seed gives the same sequence.</summary>
internal sealed class FaultInjector(SimulatorOptions options)
{
    private readonly Lock gate = new();
    private readonly Random random = options.Seed is { } seed ? new Random(seed) : new Random();
    private bool dropAllNotifications;

    /// <summary>503 or 504 for a share of requests, else null.</summary>
    public int? TransientFaultStatus()
    {
        if (options.TransientFaultRate <= 0)
        {
            return null;
        }

        lock (gate)
        {
            if (random.NextDouble() >= options.TransientFaultRate)
            {
                return null;
            }

            return random.Next(2) == 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status504GatewayTimeout;
        }
    }

    public bool ShouldRespondSlowly() => Roll(options.SlowResponseRate);

    /// <summary>Every change notification is dropped while set, whatever the configured rate.</summary>
    public bool DropAllNotifications
    {
        get => Volatile.Read(ref dropAllNotifications);
        set => Volatile.Write(ref dropAllNotifications, value);
    }

    public bool ShouldDropNotification() => DropAllNotifications || Roll(options.DroppedNotificationRate);

    /// <summary>How long this notification waits before it leaves, drawn around the configured mean.</summary>
    public TimeSpan NotificationLatency()
    {
        if (options.NotificationLatency <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        double draw;
        lock (gate)
        {
            draw = -Math.Log(1 - random.NextDouble());
        }

        return TimeSpan.FromTicks(Math.Min((long)(options.NotificationLatency.Ticks * draw), options.MaxNotificationLatency.Ticks));
    }

    private bool Roll(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            return random.NextDouble() < rate;
        }
    }
}
