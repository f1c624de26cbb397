using Microsoft.Extensions.Logging;

namespace Remediation.LocalHost;

/// <summary>
/// One run of a local timer. A failing run is logged and the next one comes at its time, as the Functions host
/// treats a timer function: a storage hiccup must not stop the host.
/// </summary>
internal static partial class TimerTick
{
    public static async Task RunAsync(Func<CancellationToken, Task> run, string timer, ILogger logger, CancellationToken stoppingToken)
    {
        try
        {
            await run(stoppingToken);
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, error, timer);
        }
    }

    /// <summary>Runs every <paramref name="interval"/>, the first time one interval after start; zero turns it off.</summary>
    public static async Task EveryAsync(
        TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> run, string timer, ILogger logger, CancellationToken stoppingToken)
    {
        if (interval <= TimeSpan.Zero) return;
        using var ticks = new PeriodicTimer(interval, clock);
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            await RunAsync(run, timer, logger, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Timer} failed; it runs again at its next tick")]
    private static partial void LogFailed(ILogger logger, Exception error, string timer);
}
